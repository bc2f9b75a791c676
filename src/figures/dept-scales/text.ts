/** 本图的中文文字（中文版）。英文见 figure.ts；`strings` 把图中绘制的英文字符串译为中文。 */
import type { FigureText } from '../../lib/figures/types.ts';

export const zh: FigureText = {
  "title": "各部门的工作积极性、压力与离职倾向",
  "caption": "各类部门的量表均值（1–5），附95%置信区间。情绪耗竭与离职倾向两项，得分越高情况越差。",
  "alt": "点图：各类部门的量表均值。",
  "source": "respondents.parquet，score_*（量表均值）。",
  "params": {
    "county": "县（区）"
  },
  "columns": {
    "scale": "量表",
    "dept_type": "部门",
    "n": "样本量",
    "mean": "均值",
    "lo": "95%置信区间下限",
    "hi": "95%置信区间上限"
  },
  "strings": {
    "Mean score (1–5), 95% CI": "量表均值（1–5），95%置信区间"
  }
};
