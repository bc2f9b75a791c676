/** 本图的中文文字（中文版）。英文见 figure.ts；`strings` 把图中绘制的英文字符串译为中文。 */
import type { FigureText } from '../../lib/figures/types.ts';

export const zh: FigureText = {
  "title": "十五项胜任力的重要性—表现分析（IPA）",
  "caption": "每个点是一项胜任力：横轴为现有水平均值，纵轴为重要程度均值。虚线为全部胜任力的均值。左上象限——重要却薄弱——是培训应当集中发力之处。",
  "alt": "散点图：按现有水平与重要程度均值分布的各项胜任力，以均值为界划分四个象限。",
  "source": "respondents.parquet 的胜任力视图（views.competency）（现有水平与重要程度量表得分），经汇总表 competency_cube.parquet 读取。",
  "params": {
    "county": "县（区）",
    "dept": "部门"
  },
  "columns": {
    "competency": "胜任力",
    "n": "样本量",
    "proficiency": "现有水平",
    "importance": "重要程度"
  },
  "strings": {
    "Mean proficiency (1–5) →": "现有水平均值（1–5）→",
    "↑ Mean importance (1–5)": "↑ 重要程度均值（1–5）",
    "Concentrate here": "重点改进区",
    "Keep up the good work": "继续保持区",
    "Low priority": "次要改进区",
    "Possible overkill": "过度投入区"
  }
};
