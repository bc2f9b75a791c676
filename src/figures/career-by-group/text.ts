/** 本图的中文文字（中文版）。英文见 figure.ts；`strings` 把图中绘制的英文字符串译为中文。 */
import type { FigureText } from '../../lib/figures/types.ts';

export const zh: FigureText = {
  "title": "各群体的基本心理需要、组织公平、人岗匹配、职业倦怠与离职倾向",
  "caption": "所选变量各组的量表均值（1–5）。前五项偏低、后两项偏高的群体，人才流失风险最大。",
  "alt": "热力图：各群体职业发展相关量表的均值。",
  "source": "groups.parquet（测量 score_*），由全部调查记录生成，经小单元格隐去与补充隐去处理。",
  "params": {
    "group": "比较维度",
    "county": "县（区）"
  },
  "columns": {
    "scale": "量表",
    "grp": "组别",
    "n": "样本量",
    "mean": "均值（1–5）"
  }
};
