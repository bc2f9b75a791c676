/** 本图的中文文字（中文版）。英文见 figure.ts；`strings` 把图中绘制的英文字符串译为中文。 */
import type { FigureText } from '../../lib/figures/types.ts';

export const zh: FigureText = {
  "title": "柯氏四级评估下的培训效果",
  "caption": "参加过培训的受访者对最近一次培训在柯氏四个层级上见效程度的平均认同度（1–5），附95%置信区间。评分通常从反应层到结果层逐级下降：喜欢一门课，不等于改变了工作。",
  "alt": "点图：柯氏四个层级的平均评分。",
  "source": "respondents.parquet，kirk_*（1–5；仅询问参训者）。",
  "params": {
    "dept": "部门",
    "county": "县（区）"
  },
  "columns": {
    "level": "层级",
    "n": "样本量",
    "mean": "均值（1–5）",
    "lo": "95%置信区间下限",
    "hi": "95%置信区间上限"
  },
  "strings": {
    "Mean agreement (1 = strongly disagree, 5 = strongly agree)": "平均认同度（1 = 非常不同意，5 = 非常同意）"
  }
};
