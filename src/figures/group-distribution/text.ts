/** 本图的中文文字（中文版）。英文见 figure.ts；`strings` 把图中绘制的英文字符串译为中文。 */
import type { FigureText } from '../../lib/figures/types.ts';

export const zh: FigureText = {
  "title": "样本的人口学构成",
  "caption": "所选变量各组受访者的占比。“已隐去／缺失”是为披露控制而隐去的回答（特征组合过小）——这是安全公开微观数据的代价。",
  "alt": "条形图：各组受访者占比。",
  "source": "respondents.parquet（已泛化的准标识符）。",
  "params": {
    "group": "变量",
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
