/** 本图的中文文字（中文版）。英文见 figure.ts；`strings` 把图中绘制的英文字符串译为中文。 */
import type { FigureText } from '../../lib/figures/types.ts';
import { weightsSource } from '../../lib/model/ahp-judgements.ts';

export const zh: FigureText = {
  "title": "胜任力模型：维度、胜任力、权重与现状得分",
  "caption": "模型把十五项胜任力归入五个维度。每个标签给出层次分析法（AHP）确定的权重（占整个模型的比例），竖线之后是所选部门的现有水平均值与平均差距。选择一个维度可查看其指标与对应题项；选择部门可查看该部门的得分。",
  "alt": "树状图：从胜任力模型到五个维度、十五项胜任力，每项标注权重与得分。",
  "source": `${weightsSource('zh')}；得分：competency.parquet。`,
  "params": {
    "dimension": "维度",
    "dept": "部门"
  },
  "columns": {
    "dimension": "维度",
    "competency": "胜任力",
    "n": "样本量",
    "proficiency": "现有水平",
    "gap": "差距"
  },
  "strings": {
    "Competency model": "胜任力模型",
    "no data": "无数据",
    "suppressed": "已隐去",
    "P": "现有水平",
    "gap": "差距"
  }
};
