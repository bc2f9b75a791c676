/** 本图的中文文字（中文版）。英文见 figure.ts；`strings` 把图中绘制的英文字符串译为中文。 */
import type { FigureText } from '../../lib/figures/types.ts';

export const zh: FigureText = {
  "title": "参训障碍",
  "caption": "认为存在各项参训障碍的受访者占比（可多选），附95% Wilson 置信区间。",
  "alt": "点图：认为存在各项参训障碍的受访者占比。",
  "source": "groups.parquet（测量 bar_*，多选题 0/1），由全部调查记录生成，经小单元格隐去与补充隐去处理；对于涉及违规行为的题目，组内所有人回答一致时该回答也会隐去。",
  "params": {
    "sample": "研究样本",
    "county": "县（区）"
  },
  "columns": {
    "barrier": "障碍",
    "n": "样本量",
    "share": "选择该项的占比",
    "lo": "95%置信区间下限",
    "hi": "95%置信区间上限"
  },
  "strings": {
    "Share of respondents naming the barrier": "选择该障碍的受访者占比"
  }
};
