/** 本图的中文文字（中文版）。英文见 figure.ts；`strings` 把图中绘制的英文字符串译为中文。 */
import type { FigureText } from '../../lib/figures/types.ts';

export const zh: FigureText = {
  "title": "培训优先次序：Borich 平均加权差异分数",
  "caption": "按 Borich 平均加权差异分数（MWDS，即重要程度与现有水平之差，再以该项胜任力的重要程度加权）对各项胜任力排序。排在最前面的，就是培训应当首先着力之处。",
  "alt": "条形图：按 Borich MWDS 由高到低排列的各项胜任力。",
  "source": "respondents.parquet 的胜任力视图（views.competency）（经汇总表 competency_cube.parquet 读取）；MWDS = 均值（重要程度 − 现有水平）× 均值（重要程度）。",
  "params": {
    "county": "县（区）",
    "dept": "部门"
  },
  "columns": {
    "priority": "排序",
    "competency": "胜任力",
    "n": "样本量",
    "mwds": "MWDS",
    "importance": "重要程度",
    "proficiency": "现有水平"
  },
  "strings": {
    "Mean weighted discrepancy score (higher = greater training need)": "平均加权差异分数（越高，培训需求越大）"
  }
};
