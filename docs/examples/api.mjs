// fazhi 程序接口的例子：读入云南样例的中期轮次，评分，列出前三名，再按第六体系排名。
// 在仓库根目录运行：node docs/examples/api.mjs
import { gaps, InputError, loadAndScore, PLAIN, problemMessage, rankBy, round, SCORE_RENDERERS, scoreReport } from 'fazhi';

// 读入、评分、排名，与命令行相同；输入有误时抛出 InputError，其中是全部问题。
let result;
try {
  result = await loadAndScore('samples/yunnan-2022', { round: 'midterm' });
} catch (e) {
  if (!(e instanceof InputError)) throw e;
  for (const p of e.problems) console.error(`${p.file}:${p.line}:${p.column}: ${problemMessage(p.code, p.args, 'zh')} [${p.code}]`);
  process.exit(1);
}
const { evaluation, scoring, evidence, warnings } = result;
console.log(`警告 ${warnings.length} 条`);

const precision = scoring.system.precision;
for (const c of scoring.counties.slice(0, 3)) {
  console.log(c.rank, c.county.name, round(c.total, precision), c.grade);
}

const bySystem = rankBy(scoring, 'S6', 'province');
const best = bySystem.counties[0];
console.log(`${bySystem.by.id} 第一名：${best.name}（${best.prefecture}）${best.value}`);

// 找差距：第三个参数把规则写成“满分要求”的文字；这里不需要，给空串。
const shortfalls = gaps(scoring, evidence, () => '');
const luquan = shortfalls.counties.find((c) => c.name === '禄劝彝族苗族自治县');
console.log(`${luquan.name} 距达标线 ${luquan.toPass} 分，补齐 ${luquan.passPlan.join('、')} 即可达标`);

// 与命令行相同的输出：先做成 score --format json 的结构，再交给渲染器。
const report = scoreReport(scoring, {
  round: 'midterm',
  sha256: evaluation.indicatorsSha256,
  warnings,
  rejected: [],
  inputs: evaluation.inputs,
  lang: 'zh',
});
const markdown = SCORE_RENDERERS.md(report, { lang: 'zh', style: PLAIN });
console.log(markdown.split('\n').slice(0, 7).join('\n'));
