/** 本图的中文文字（中文版）。英文见 figure.ts；`strings` 把图中绘制的英文字符串译为中文。 */
import type { FigureText } from '../../lib/figures/types.ts';

export const zh: FigureText = {
  "title": "胜任力概况：现有水平与岗位重要程度",
  "caption": "每行一项胜任力；蓝点为自评现有水平均值（附95%置信区间），橙点为重要程度均值。两点之间的连线越长，培训需求越大。",
  "alt": "点图：各项胜任力的现有水平与重要程度均值（1–5）。",
  "source": "调查题项 pro_* 与 imp_*（各三题，1–5），按受访者取均值；经汇总表 competency_cube.parquet 读取。",
  "params": {
    "county": "县（区）",
    "dept": "部门"
  },
  "columns": {
    "competency": "胜任力",
    "n": "样本量",
    "proficiency": "现有水平（均值）",
    "pro_lo": "95%置信区间下限",
    "pro_hi": "95%置信区间上限",
    "importance": "重要程度（均值）",
    "gap": "差距"
  },
  "strings": {
    "Mean rating (1 = very weak / not important, 5 = very strong / very important)": "平均评分（1 = 很弱／不重要，5 = 很强／非常重要）",
    "Proficiency": "现有水平",
    "Importance": "重要程度",
    "suppressed (fewer than k respondents)": "已隐去（受访者不足 k 人）"
  }
};
