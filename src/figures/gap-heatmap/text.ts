/** 本图的中文文字（中文版）。英文见 figure.ts；`strings` 把图中绘制的英文字符串译为中文。 */
import type { FigureText } from '../../lib/figures/types.ts';

export const zh: FigureText = {
  "title": "各县（区）各项胜任力的培训差距",
  "caption": "每个单元格是某县（区）某项胜任力的平均差距（重要程度 − 现有水平）；红色越深，培训需求越大。受访者不足 k 人的单元格留空并标注“已隐去”。",
  "alt": "热力图：各县（区）（行）与各项胜任力（列）的平均培训差距。",
  "source": "respondents.parquet 的胜任力视图（views.competency）（经汇总表 competency_cube.parquet 读取）：差距 = 每名受访者每项胜任力的重要程度 − 现有水平。",
  "params": {
    "dept": "部门"
  },
  "columns": {
    "county": "县（区）",
    "competency": "胜任力",
    "n": "样本量",
    "gap": "平均差距"
  },
  "strings": {
    "Mean gap": "平均差距"
  }
};
