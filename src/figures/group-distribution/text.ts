/** 本图的中文文字（中文版）。英文见 figure.ts；`strings` 把图中绘制的英文字符串译为中文。 */
import type { FigureText } from '../../lib/figures/types.ts';

export const zh: FigureText = {
  "title": "样本的人口学构成",
  "caption": "所选变量各组受访者的占比，基于全部调查记录。受访者不足 k 人的组会被隐去（必要时再隐去另一组，使其无法从合计中推算出来）；占比以该县（区）全部受访者为分母，因此被隐去的组就是缺少的那一部分。",
  "alt": "条形图：各组受访者占比。",
  "source": "groups.parquet（测量 _n），由全部调查记录生成，经小单元格隐去与补充隐去处理。",
  "params": {
    "variable": "变量",
    "county": "县（区）"
  },
  "columns": {
    "grp": "组别",
    "n": "受访者人数",
    "share": "占比"
  },
  "strings": {
    "Share of respondents (%)": "受访者占比（%）",
    "suppressed": "已隐去"
  }
};
