/** 本图的中文文字（中文版）。英文见 figure.ts；`strings` 把图中绘制的英文字符串译为中文。 */
import type { FigureText } from '../../lib/figures/types.ts';

export const zh: FigureText = {
  "title": "已接受与希望接受的培训方式",
  "caption": "近12个月接受过各种培训方式的受访者占比（以参训者为基数），以及偏好各种方式的受访者占比，附95% Wilson 置信区间。“希望接受”高于“已接受”之处，即供给未能满足需求。",
  "alt": "点图：接受与偏好各种培训方式的占比。",
  "source": "respondents.parquet，fmt_* 与 pref_*（0/1）。",
  "params": {
    "county": "县（区）"
  },
  "columns": {
    "format": "培训方式",
    "n": "样本量",
    "share": "占比",
    "lo": "95%置信区间下限",
    "hi": "95%置信区间上限"
  },
  "strings": {
    "Share of respondents": "受访者占比"
  }
};
