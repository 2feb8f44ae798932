// Prints, after the run: the target, how many cases ran per group, and the violations found.
import type { Reporter, TestModule } from 'vitest/node';

export default class ContractSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const groups = new Map<string, { passed: number; failed: number; notRun: number }>();
    let proxyViolations = 0;
    const failures: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        let top = test.parent;
        while (top.type === 'suite' && top.parent.type === 'suite') top = top.parent;
        const group = top.type === 'suite' ? top.name : module.moduleId.split('/').pop() ?? '?';
        const counts = groups.get(group) ?? { passed: 0, failed: 0, notRun: 0 };
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') {
          counts.failed++;
          const first = test.result().errors?.[0]?.message?.split('\n').slice(0, 3).join(' ') ?? '';
          failures.push(`  ✗ ${group} › ${test.name}: ${first}`);
        } else counts.notRun++;
        groups.set(group, counts);
        proxyViolations += test.meta().proxyViolations ?? 0;
      }
    }
    const target = JSON.parse(process.env.CONTRACT_RESOLVED_TARGET ?? '{}') as { kind?: string; url?: string; upstream?: string; proxied?: boolean };
    const lines = [
      '',
      'Contract summary',
      `  target: ${target.kind ?? '?'} ${target.upstream ?? target.url ?? ''}${target.proxied ? ` (behind prism proxy ${target.url})` : ''}`,
      ...[...groups].map(([g, c]) => `  ${g.padEnd(14)} ${c.passed} passed, ${c.failed} failed${c.notRun ? `, ${c.notRun} not run (${g === 'stateful' ? 'needs a server with state' : 'skipped'})` : ''}`),
      `  violations: ${failures.length} failing case(s)${target.proxied ? `, ${proxyViolations} prism sl-violations` : ''}`,
      ...failures.slice(0, 20),
      '',
    ];
    process.stdout.write(lines.join('\n') + '\n');
  }
}
