/** 本图的中文文字（中文版）。英文见 figure.ts；`strings` 把图中绘制的英文字符串译为中文。 */
import type { FigureText } from '../../lib/figures/types.ts';

export const zh: FigureText = {
  "title": "各群体在胜任力各维度上的现有水平",
  "caption": "所选变量各组在胜任力模型各维度上的自评现有水平均值（1–5），附95%置信区间。置信区间相互重叠，说明组间未必真有差异。",
  "alt": "点图：各维度的现有水平均值，每组一种颜色。",
  "source": "groups.parquet（测量 dim_pro_*：按受访者计算某一维度内各项胜任力得分的均值），由全部调查记录生成，经小单元格隐去与补充隐去处理。",
  "params": {
    "group": "比较维度",
    "county": "县（区）"
  },
  "columns": {
    "dimension": "维度",
    "grp": "组别",
    "n": "样本量",
    "proficiency": "现有水平",
    "lo": "95%置信区间下限",
    "hi": "95%置信区间上限"
  },
  "strings": {
    "Mean proficiency (1–5), 95% CI": "现有水平均值（1–5），95%置信区间"
  }
};
