/** 本图的中文文字（中文版）。英文见 figure.ts；`strings` 把图中绘制的英文字符串译为中文。 */
import type { FigureText } from '../../lib/figures/types.ts';

export const zh: FigureText = {
  "title": "谁参与了调查：各县（区）、各部门的受访者",
  "caption": "各县（区）公开发布的受访者人数，按所在部门类型分段。选择一个研究样本可查看其抽样框。",
  "alt": "堆积条形图：各县（区）受访者人数，按部门类型分段。",
  "source": "respondents.parquet（抽样框变量）。",
  "params": {
    "sample": "研究样本"
  },
  "columns": {
    "county": "县（区）",
    "dept_type": "部门",
    "n": "受访者人数"
  },
  "strings": {
    "Respondents": "受访者人数"
  }
};
