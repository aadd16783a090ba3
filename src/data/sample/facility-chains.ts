import { zhEn } from './facility-names';

/** The chains and practices the sample town's shops and clinics are named after (facility-catalog.ts). */

export const PHARMACY_CHAINS = [
  zhEn('益丰大药房', 'Yifeng Pharmacy'),
  zhEn('天天好大药房', 'Tiantianhao Pharmacy'),
  zhEn('鹭燕大药房', 'Luyan Pharmacy'),
  zhEn('国大药房', 'Guoda Pharmacy'),
  zhEn('老百姓大药房', 'Laobaixing Pharmacy'),
];
export const CONVENIENCE_CHAINS = [
  zhEn('美宜佳', 'Meiyijia'),
  zhEn('见福便利店', 'Jianfu Convenience Store'),
  zhEn('邻家便利店', 'Linjia Convenience Store'),
  zhEn('惠友便利店', 'Huiyou Convenience Store'),
];
export const SUPERMARKETS = [
  zhEn('永辉超市', 'Yonghui Supermarket'),
  zhEn('华润万家', 'Vanguard'),
  zhEn('新华都超市', 'New Huadu Supermarket'),
  zhEn('元初食品', 'Yuanchu Foods'),
];
export const CLINICS = [
  zhEn('仁爱诊所', "Ren'ai Clinic"),
  zhEn('康宁诊所', 'Kangning Clinic'),
  zhEn('济民诊所', 'Jimin Clinic'),
  zhEn('杏林中医诊所', 'Xinglin TCM Clinic'),
  zhEn('安康口腔诊所', 'Ankang Dental Clinic'),
  zhEn('博爱诊所', "Bo'ai Clinic"),
  zhEn('德生中医诊所', 'Desheng TCM Clinic'),
  zhEn('福新门诊部', 'Fuxin Outpatient Clinic'),
];

export const BANKS = [zhEn('中国工商银行', 'ICBC'), zhEn('中国建设银行', 'China Construction Bank'), zhEn('福建海峡银行', 'Fujian Haixia Bank')];
