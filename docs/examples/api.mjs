// fazhi 程序接口的例子：读入云南样例的中期轮次，评分，列出前三名，再按第六体系排名。
// 在仓库根目录运行：node docs/examples/api.mjs
import { gaps, loadEvaluation, PLAIN, problemMessage, rankBy, round, SCORE_RENDERERS, scoreCounties, scoreReport } from 'fazhi';

const evaluation = await loadEvaluation({
  dir: 'samples/yunnan-2022',
  round: 'midterm',
  display: (path) => path, // 消息中怎样显示文件路径
});

// 结构问题（evaluation.errors）和单元格问题（evidence.cellErrors）；命令行不加 --keep-going 时两者都让评分停止。
const { system, register, evidence } = evaluation;
const errors = [...evaluation.errors, ...(evidence?.cellErrors ?? [])];
if (errors.length > 0 || !system || !register || !evidence) {
  for (const p of errors) console.error(`${p.file}:${p.line}:${p.column}: ${problemMessage(p.code, p.args, 'zh')} [${p.code}]`);
  process.exit(1);
}
console.log(`警告 ${evaluation.warnings.length} 条`);

const scoring = scoreCounties(system, register.counties, evidence.table);
for (const c of scoring.counties.slice(0, 3)) {
  console.log(c.rank, c.county.name, round(c.total, system.precision), c.grade);
}

const bySystem = rankBy(scoring, 'S6', 'province');
const best = bySystem.counties[0];
console.log(`${bySystem.by.id} 第一名：${best.name}（${best.prefecture}）${best.value}`);

// 找差距：第三个参数把规则写成“满分要求”的文字；这里不需要，给空串。
const shortfalls = gaps(scoring, evidence.table, () => '');
const luquan = shortfalls.counties.find((c) => c.name === '禄劝彝族苗族自治县');
console.log(`${luquan.name} 距达标线 ${luquan.toPass} 分，补齐 ${luquan.passPlan.join('、')} 即可达标`);

// 与命令行相同的输出：先做成 score --format json 的结构，再交给渲染器。
const report = scoreReport(scoring, {
  round: 'midterm',
  sha256: evaluation.indicatorsSha256,
  warnings: evaluation.warnings,
  rejected: [],
  inputs: evaluation.inputs,
  lang: 'zh',
});
const markdown = SCORE_RENDERERS.md(report, { lang: 'zh', style: PLAIN });
console.log(markdown.split('\n').slice(0, 7).join('\n'));
