import { expect as baseExpect, test } from './fixtures.ts';
import { AppShell } from './pages/app-shell.ts';
import { NodePage } from './pages/node-page.ts';
import { NodeTabs } from './pages/node-tabs.ts';
import { SignInPage } from './pages/sign-in-page.ts';

// Pages wait on the emulator, which shares two cores with the browser and other test runs.
const expect = baseExpect.configure({ timeout: 15_000 });

const WIDTH = 800;
test.use({ viewport: { width: WIDTH, height: 900 } });

test('in an 800 px window the navigator opens from the burger, closes once a node is picked, and tooltips and the header stay in the window', async ({
  page,
  axe,
}) => {
  // A long journey with several accessibility scans, on a shared two-core machine.
  test.slow();
  const shell = new AppShell(page);
  const burger = page.getByRole('banner').getByRole('button', { name: 'Navigator' });
  const navigator = page.getByRole('navigation', { name: 'Navigator' });

  await page.goto('/projects');
  await new SignInPage(page).signIn('viewer', 'viewer');
  await expect(shell.pageHeading).toHaveText('Projects');

  // Collapsed: the page has the whole width, the navigator is off-screen and out of the Tab order.
  await expect(burger).toHaveAttribute('aria-expanded', 'false');
  await expect(navigator).not.toBeInViewport();
  await expect(navigator).toHaveAttribute('inert', '');
  expect((await shell.main.boundingBox())?.x).toBeLessThan(40);
  await axe();

  await burger.click();
  await expect(burger).toHaveAttribute('aria-expanded', 'true');
  await expect(navigator).toBeInViewport();
  await expect(shell.treeItem('Core Banking Platform')).toBeVisible();
  await axe();

  await shell.treeItem('Core Banking Platform').click();
  await new NodePage(page).expectNode('Core Banking Platform', '/projects/bank');
  await expect(burger).toHaveAttribute('aria-expanded', 'false');
  await expect(navigator).not.toBeInViewport();
  await axe();

  // The node's actions sit at the right edge; the viewer's are denied, and say why in a tooltip.
  const tabs = new NodeTabs(page);
  const archive = tabs.archiveButton;
  await expect(archive).toBeDisabled();
  const archiveBox = await archive.boundingBox();
  expect(archiveBox === null ? 0 : archiveBox.x + archiveBox.width).toBeGreaterThan(WIDTH - 150);
  const tooltip = await tabs.tooltipOf(archive);
  await expect(tooltip).toHaveText('You need update permission on /projects/bank to archive it');
  const tooltipBox = await tooltip.boundingBox();
  expect(tooltipBox, 'the tooltip is laid out').not.toBeNull();
  if (tooltipBox !== null) {
    expect(tooltipBox.x).toBeGreaterThanOrEqual(0);
    expect(tooltipBox.x + tooltipBox.width).toBeLessThanOrEqual(WIDTH);
  }
  await page.mouse.move(0, 450);
  await expect(tooltip).toBeHidden();

  // The header fits and works: nothing in it runs past the window, and the user menu opens.
  const header = page.getByRole('banner');
  expect(await header.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  for (const control of [burger, shell.searchButton, shell.userMenuButton]) {
    await expect(control).toBeInViewport({ ratio: 1 });
  }
  expect(await shell.groupsText()).toBe('viewers');
  await shell.searchButton.click();
  await expect(shell.searchBox).toBeFocused();
  await page.keyboard.press('Escape');
  await axe();
});
