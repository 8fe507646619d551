import { describe, expect, it } from 'vitest';
import { maskUrlCredentials } from './mask-url-credentials';

describe('maskUrlCredentials', () => {
  it('hides a user and password or token in an http(s) URL', () => {
    expect(maskUrlCredentials('https://user:token@git.example.com/x.git')).toBe(
      'https://***@git.example.com/x.git',
    );
    expect(maskUrlCredentials('http://deploy:s3cr%40t@10.0.0.5:8080/repo.git')).toBe(
      'http://***@10.0.0.5:8080/repo.git',
    );
  });

  it('hides a user name alone, since tokens are often passed as the user', () => {
    expect(maskUrlCredentials('https://ghp_abc123@github.com/org/repo.git')).toBe(
      'https://***@github.com/org/repo.git',
    );
  });

  it('leaves URLs without credentials exactly as they are', () => {
    for (const url of [
      'https://git.example.com/platform/soa-template.git',
      'https://git.example.com:8443/x.git?ref=main#readme',
      'https://git.example.com/@scope/x.git',
      'file:///srv/git/x.git',
      '/srv/git/x.git',
      'git@github.com:org/repo.git',
      'ssh://git@git.example.com:2222/org/repo.git',
      '',
    ]) {
      expect(maskUrlCredentials(url)).toBe(url);
    }
  });

  it('hides a password in an SSH URL but keeps its account name', () => {
    expect(maskUrlCredentials('ssh://git:hunter2@git.example.com/org/repo.git')).toBe(
      'ssh://***@git.example.com/org/repo.git',
    );
    expect(maskUrlCredentials('user:hunter2@git.example.com:org/repo.git')).toBe(
      '***@git.example.com:org/repo.git',
    );
  });

  it('hides all of a malformed password that holds a raw slash', () => {
    const masked = maskUrlCredentials('https://build:ab/cd+ef@git-codecommit.example.com/v1/repos/x');
    expect(masked).toBe('https://***@git-codecommit.example.com/v1/repos/x');
    expect(masked).not.toContain('ab/cd');
  });

  it('keeps the host when a password holds an @ (the last @ ends the user information)', () => {
    expect(maskUrlCredentials('https://user:p@ss@git.example.com/x.git')).toBe(
      'https://***@git.example.com/x.git',
    );
  });
});
