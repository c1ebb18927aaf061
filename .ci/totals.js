// Sums vitest and Playwright JSON reports into the one line CI is read by: "N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
	if (!existsSync(file)) {
		console.log(`${file}: no report (the suite did not run)`);
		failed += 1;
		continue;
	}
	const report = JSON.parse(readFileSync(file, 'utf8'));
	if (report.stats) {
		// Playwright: expected = passed, unexpected = failed, flaky passed on retry
		passed += report.stats.expected + report.stats.flaky;
		failed += report.stats.unexpected;
		skipped += report.stats.skipped;
	} else {
		passed += report.numPassedTests;
		failed += report.numFailedTests;
		skipped += report.numPendingTests + (report.numTodoTests ?? 0);
	}
}
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
