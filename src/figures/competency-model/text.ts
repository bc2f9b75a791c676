/** 本图的中文文字（中文版）。英文见 figure.ts；`strings` 把图中绘制的英文字符串译为中文。 */
import type { FigureText } from '../../lib/figures/types.ts';
import { weightsSource } from '../../lib/model/ahp-judgements.ts';
import { zh as plan } from '../training-plan/text.ts';

export const zh: FigureText = {
  "title": "胜任力模型：从维度到题项的权重、现有水平、重要程度与差距",
  "caption": "五个维度，十五项胜任力。每项给出层次分析法权重（占整个模型的比例）、1–5 分制下的现有水平均值（蓝点）与岗位重要程度均值（橙点）及二者之间的差距；选定一个县（区）时，圆圈标出全部受访者的现有水平（基准）。选择一个维度，可查看其胜任力背后的调查题项以及各项差距所对应的培训。",
  "alt": "胜任力模型表：各维度与胜任力的权重、现有水平与重要程度的点图、差距以及对应的培训。",
  "source": `${weightsSource('zh')}；得分：groups.parquet（指标 gap_* 与 impg_*：同时评了两项的受访者的重要程度与现有水平），经小单元格抑制与互补抑制。`,
  "params": {
    "dimension": "维度",
    "county": "县（区）"
  },
  "columns": {
    "competency": "胜任力",
    "n": "样本量",
    "proficiency": "现有水平",
    "importance": "重要程度",
    "gap": "差距",
    "bench_proficiency": "现有水平（全部受访者）",
    "bench_gap": "差距（全部受访者）"
  },
  "strings": {
    ...plan.strings,
    "All dimensions": "全部维度",
    "choose a dimension to see its survey items and training": "选择一个维度可查看其调查题项与培训",
    "County": "县（区）",
    "ring: whole survey": "圆圈：全部受访者",
    "Whole survey": "全部受访者",
    "Dimension / competency": "维度／胜任力",
    "Weight": "权重",
    "Profile: proficiency → importance (1–5)": "现有水平 → 重要程度（1\u2060–\u20605）",
    "Gap": "差距",
    "Training the gap calls for": "差距对应的培训",
    "not measured in this survey": "本次调查未测量",
    "suppressed (fewer than k respondents)": "已隐去（受访者不足 k 人）",
    "→ training plan": "→ 培训方案",
    "Item": "题项",
    "Proficiency": "现有水平",
    "Importance": "重要程度",
    "Proficiency, whole survey": "全部受访者的现有水平",
    "gap of the whole survey in brackets": "括号内为全部受访者的差距",
    "Dimension rows: the mean of their competencies shown.": "维度行为其下各项胜任力的平均值。"
  }
};
