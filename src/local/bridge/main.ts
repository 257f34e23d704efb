/**
 * `npm run bridge`: the register with the demo's gemeente and partners on the in-memory Apps
 * Script, in your own browser (manual checks of the sidebar and the dialogs). Stops with Ctrl-C.
 */
import { join } from 'node:path';
import { demoScenarioPath, loadScenario } from '../demo/loadScenario';
import { startBridge } from './bridge';

const root = join(import.meta.dirname, '..', '..', '..');
const loaded = loadScenario(demoScenarioPath());
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const scenario = loaded.scenario;
const first = scenario.steps[0]!;
const bridge = await startBridge({
  bundlePath: join(root, 'dist', 'Code.js'),
  now: Date.parse(`${first.startOn}T08:00:00Z`),
});
bridge.setupRegister(scenario.settings, scenario.partners);
console.log(`Het register draait op ${bridge.url} (stoppen: Ctrl-C).`);
process.on('SIGINT', () => {
  bridge.close().then(() => process.exit(0));
});
