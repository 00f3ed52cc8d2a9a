/** The words and normative references the generated standard is written with, and its seeded generator. */

/** mulberry32: a small seeded generator of numbers in [0, 1), the same sequence on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const PARTS = [
  '壶体',
  '壶盖',
  '把手',
  '底座',
  '发热盘',
  '温控器',
  '电源线',
  '指示灯',
  '滤网',
  '密封圈',
  '壶嘴',
  '水位窗',
  '开关',
  '耦合器',
  '控制板',
  '显示屏',
  '外壳',
  '内胆',
  '防干烧装置',
  '蒸汽通道',
];
export const MODIFIERS = ['不锈钢', '一体式', '防烫', '可拆卸', '双层', '智能', '隐藏式', '食品级', '抗菌', '静音'];
export const PROPERTIES = [
  '外观质量',
  '尺寸偏差',
  '装配牢固度',
  '耐热性',
  '耐腐蚀性',
  '绝缘电阻',
  '泄漏电流',
  '电气强度',
  '温升',
  '耐久性',
  '密封性',
  '跌落性能',
  '噪声',
  '能效',
  '迁移量',
];
export const GROUPS = [
  '外观和结构',
  '尺寸和质量',
  '材料',
  '电气安全',
  '加热性能',
  '保温性能',
  '控制功能',
  '耐久性',
  '密封和防溢',
  '噪声和振动',
  '能效',
  '食品接触安全',
];
export const VERBS = ['应符合', '应满足', '不应低于', '不应超过', '应达到'];
export const CONDITIONS = [
  '在额定电压和额定频率下',
  '在正常使用状态下',
  '经过500次通断循环后',
  '在环境温度为（20±5）℃时',
  '注入额定容量的试验用水后',
  '在最不利的安装位置下',
];
export const OBJECTS = [
  '表面应平整光洁，无明显划痕、凹陷、毛刺和色差',
  '各连接部位应牢固可靠，无松动、变形和异响',
  '测得值应在标称值的±5%以内',
  '不应出现开裂、起泡、变色和功能失效',
  '应能正常工作，安全保护装置动作正确可靠',
  '与食品接触的表面应易于清洁，不应有积水死角',
];

/** Normative references: cited in the text unless marked `uncited`. */
export const REFERENCES: readonly { code: string; title: string; uncited?: boolean }[] = [
  { code: 'GB 4706.1', title: '家用和类似用途电器的安全　第1部分：通用要求' },
  { code: 'GB 4706.19', title: '家用和类似用途电器的安全　液体加热器的特殊要求' },
  { code: 'GB 4806.1', title: '食品安全国家标准　食品接触材料及制品通用安全要求' },
  { code: 'GB 4806.7', title: '食品安全国家标准　食品接触用塑料材料及制品' },
  { code: 'GB 4806.9', title: '食品安全国家标准　食品接触用金属材料及制品' },
  { code: 'GB 4806.11', title: '食品安全国家标准　食品接触用橡胶材料及制品' },
  { code: 'GB 4943.1', title: '音视频、信息技术和通信技术设备　第1部分：安全要求', uncited: true },
  { code: 'GB 21456', title: '家用电磁灶能效限定值及能效等级' },
  { code: 'GB 31604.1', title: '食品安全国家标准　食品接触材料及制品迁移试验通则' },
  { code: 'GB 31604.49', title: '食品安全国家标准　食品接触材料及制品　多元素的测定和多元素迁移量的测定' },
  { code: 'GB/T 191', title: '包装储运图示标志' },
  { code: 'GB/T 1019', title: '家用和类似用途电器包装通则' },
  { code: 'GB/T 2423.3', title: '环境试验　第2部分：试验方法　试验Cab：恒定湿热试验' },
  { code: 'GB/T 2423.17', title: '电工电子产品环境试验　第2部分：试验方法　试验Ka：盐雾' },
  { code: 'GB/T 2828.1', title: '计数抽样检验程序　第1部分：按接收质量限（AQL）检索的逐批检验抽样计划' },
  { code: 'GB/T 2829', title: '周期检验计数抽样程序及表（适用于对过程稳定性的检验）' },
  { code: 'GB/T 3280', title: '不锈钢冷轧钢板和钢带' },
  { code: 'GB/T 4214.1', title: '家用和类似用途电器噪声测试方法　通用要求' },
  { code: 'GB/T 4288', title: '家用和类似用途电动洗衣机', uncited: true },
  { code: 'GB/T 5296.2', title: '消费品使用说明　第2部分：家用和类似用途电器' },
  { code: 'GB/T 6388', title: '运输包装收发货标志' },
  { code: 'GB/T 6682', title: '分析实验室用水规格和试验方法' },
  { code: 'GB/T 9286', title: '色漆和清漆　划格试验' },
  { code: 'GB/T 10125', title: '人造气氛腐蚀试验　盐雾试验' },
  { code: 'GB/T 11170', title: '不锈钢　多元素含量的测定　火花放电原子发射光谱法（常规法）' },
  { code: 'GB/T 13306', title: '标牌' },
  { code: 'GB/T 14536.1', title: '家用和类似用途电自动控制器　第1部分：通用要求' },
  { code: 'GB/T 17626.2', title: '电磁兼容　试验和测量技术　静电放电抗扰度试验' },
  { code: 'GB/T 20878', title: '不锈钢和耐热钢　牌号及化学成分' },
  { code: 'GB/T 23332', title: '家用电热水壶', uncited: true },
];
