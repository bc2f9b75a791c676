/** 本图的中文文字（中文版）。英文见 figure.ts；`strings` 把图中绘制的英文字符串译为中文。 */
import type { FigureText } from '../../lib/figures/types.ts';

export const zh: FigureText = {
  "title": "某一县（区）与其余各县（区）：分维度比较",
  "caption": "所选县（区）（红色）与其余全部受访者（浅蓝色）在各维度上的平均差距（重要程度 − 现有水平），附95%置信区间；数据表另列现有水平均值。",
  "alt": "配对点图：所选县（区）与其余样本在各维度上的平均差距。",
  "source": "respondents.parquet 的胜任力视图（views.competency），经汇总表 dimension_cube.parquet 读取（每名受访者在各维度的均值之和）。",
  "params": {
    "county": "县（区）"
  },
  "columns": {
    "dimension": "维度",
    "side": "组别",
    "n": "样本量",
    "proficiency": "现有水平",
    "gap": "差距",
    "lo": "差距95%置信区间下限",
    "hi": "差距95%置信区间上限"
  },
  "strings": {
    "Mean gap: importance − proficiency (higher = greater need)": "平均差距：重要程度 − 现有水平（越高，需求越大）",
    "this county": "所选县（区）",
    "all others": "其余各县（区）"
  }
};
