/** 本图的中文文字（中文版）。英文见 figure.ts；`strings` 把图中绘制的英文字符串译为中文。 */
import type { FigureText } from '../../lib/figures/types.ts';

export const zh: FigureText = {
  "title": "信访干部与其他部门的胜任力概况",
  "caption": "各类部门在每项胜任力上的自评现有水平均值（数据表另列差距）。",
  "alt": "点图：各项胜任力的现有水平均值，每类部门一种颜色。",
  "source": "respondents.parquet 的胜任力视图（views.competency），经汇总表 competency_cube.parquet 读取。",
  "params": {
    "county": "县（区）"
  },
  "columns": {
    "competency": "胜任力",
    "dept_type": "部门",
    "n": "样本量",
    "proficiency": "现有水平",
    "gap": "差距"
  },
  "strings": {
    "Mean proficiency (1–5)": "现有水平均值（1–5）"
  }
};
