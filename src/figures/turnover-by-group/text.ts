/** 本图的中文文字（中文版）。英文见 figure.ts；`strings` 把图中绘制的英文字符串译为中文。 */
import type { FigureText } from '../../lib/figures/types.ts';

export const zh: FigureText = {
  "title": "各群体的离职倾向",
  "caption": "离职倾向得分均值（三个题项，1–5；越高表示离职意愿越强）及其95%置信区间，按所选变量分组。由全部调查记录计算，并作为受保护的表发布：受访者不足 k 人的组会被隐去（必要时再隐去另一组，使其无法从合计中推算出来）。",
  "alt": "条形图：各组离职倾向均值及置信区间。",
  "source": "groups.parquet（测量 score_turnover = ti_1–ti_3 的均值），由全部调查记录生成，经小单元格隐去与补充隐去处理。",
  "params": {
    "group": "比较维度",
    "county": "县（区）"
  },
  "columns": {
    "grp": "组别",
    "n": "样本量",
    "turnover": "离职倾向（均值）",
    "lo": "95%置信区间下限",
    "hi": "95%置信区间上限"
  },
  "strings": {
    "Turnover intention (1 = none, 5 = strong)": "离职倾向（1 = 没有，5 = 强烈）",
    "suppressed (n < k)": "已隐去（不足 k 人）"
  }
};
