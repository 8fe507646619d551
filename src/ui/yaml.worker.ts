// monaco-yaml's language service (completion, hover, schema markers), in a worker of its own: started by
// monaco-setup.ts, never imported by anything else.
import 'monaco-yaml/yaml.worker.js';
