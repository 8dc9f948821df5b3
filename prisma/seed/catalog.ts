/**
 * The fixed material the seed draws from: the district's departments, the projects the plan report names
 * (under their real names), and the vocabulary for the generated ones.
 */
import type { DepartmentKind, Direction, InvestorType, Stage } from '@/generated/prisma/enums';

export interface DepartmentSpec {
  name: string;
  shortName: string;
  kind: DepartmentKind;
}

export const BUREAU = '区发展改革委';

export const SUBDISTRICTS = [
  '七星岗', '解放碑', '两路口', '上清寺', '菜园坝', '南纪门', '朝天门', '大溪沟', '大坪', '化龙桥', '石油路',
] as const;

export const DEPARTMENTS: readonly DepartmentSpec[] = [
  { name: BUREAU, shortName: '发展改革委', kind: 'BUREAU' },
  { name: '区住房城乡建委', shortName: '住房城乡建委', kind: 'DEPARTMENT' },
  { name: '区交通局', shortName: '交通局', kind: 'DEPARTMENT' },
  { name: '区教委', shortName: '教委', kind: 'DEPARTMENT' },
  { name: '区文化旅游委', shortName: '文化旅游委', kind: 'DEPARTMENT' },
  { name: '区卫生健康委', shortName: '卫生健康委', kind: 'DEPARTMENT' },
  { name: '区商务委', shortName: '商务委', kind: 'DEPARTMENT' },
  { name: '区城市管理局', shortName: '城市管理局', kind: 'DEPARTMENT' },
  { name: '区国资委', shortName: '国资委', kind: 'DEPARTMENT' },
  { name: '区科技局', shortName: '科技局', kind: 'DEPARTMENT' },
  { name: '区经济信息委', shortName: '经济信息委', kind: 'DEPARTMENT' },
  { name: '区规划自然资源局', shortName: '规划自然资源局', kind: 'DEPARTMENT' },
  { name: '区生态环境局', shortName: '生态环境局', kind: 'DEPARTMENT' },
  { name: '区民政局', shortName: '民政局', kind: 'DEPARTMENT' },
  { name: '区体育局', shortName: '体育局', kind: 'DEPARTMENT' },
  { name: '区应急管理局', shortName: '应急管理局', kind: 'DEPARTMENT' },
  ...SUBDISTRICTS.map((s) => ({ name: `${s}街道`, shortName: `${s}街道`, kind: 'SUBDISTRICT' as const })),
  { name: '解放碑-朝天门管委会', shortName: '解放碑-朝天门管委会', kind: 'MANAGEMENT_COMMITTEE' },
  { name: '化龙桥片区管委会', shortName: '化龙桥管委会', kind: 'MANAGEMENT_COMMITTEE' },
  { name: '重庆市渝中区城市建设发展集团有限公司', shortName: '渝中城建集团', kind: 'STATE_COMPANY' },
  { name: '重庆市渝中区国有资产经营管理有限公司', shortName: '渝中国资公司', kind: 'STATE_COMPANY' },
];

export interface NamedProjectSpec {
  name: string;
  department: string;
  stage: Stage;
  investor: InvestorType;
  direction: Direction;
  area: string;
  /** relative size of the annual plan (1 = an average project of its kind) */
  size: number;
  scope: string;
  ownerUnit: string;
}

/** Projects named in the plan report, with the department that owns them. */
export const NAMED_PROJECTS: readonly NamedProjectSpec[] = [
  { name: '重庆站铁路综合枢纽改造', department: '区交通局', stage: 'ONGOING', investor: 'MUNICIPAL', direction: 'INFRASTRUCTURE', area: '菜园坝', size: 14, scope: '重庆站改扩建，新建站房及综合交通枢纽配套工程', ownerUnit: '重庆铁路枢纽东环线有限责任公司' },
  { name: '轨道18号线北延伸段', department: '区交通局', stage: 'ONGOING', investor: 'MUNICIPAL', direction: 'INFRASTRUCTURE', area: '大坪', size: 9, scope: '轨道交通18号线北延伸段渝中区境内车站及区间工程', ownerUnit: '重庆市轨道交通（集团）有限公司' },
  { name: '轨道27号线', department: '区交通局', stage: 'ONGOING', investor: 'MUNICIPAL', direction: 'INFRASTRUCTURE', area: '两路口', size: 10, scope: '轨道交通27号线渝中段车站及区间隧道', ownerUnit: '重庆市轨道交通（集团）有限公司' },
  { name: '菜园坝立交', department: '区交通局', stage: 'NEW_START', investor: 'MUNICIPAL', direction: 'INFRASTRUCTURE', area: '菜园坝', size: 4, scope: '菜园坝立交改造，新建匝道及配套道路', ownerUnit: '重庆城市交通开发投资（集团）有限公司' },
  { name: '兜子背立交', department: '区交通局', stage: 'NEW_START', investor: 'MUNICIPAL', direction: 'INFRASTRUCTURE', area: '菜园坝', size: 3, scope: '兜子背立交改造及周边路网完善', ownerUnit: '重庆城市交通开发投资（集团）有限公司' },
  { name: '站北路', department: '区交通局', stage: 'NEW_START', investor: 'DISTRICT', direction: 'INFRASTRUCTURE', area: '菜园坝', size: 3, scope: '新建城市次干道约1.2公里及配套管网', ownerUnit: '重庆市渝中区城市建设发展集团有限公司' },
  { name: '解放碑片区路网更新', department: '区住房城乡建委', stage: 'NEW_START', investor: 'DISTRICT', direction: 'INFRASTRUCTURE', area: '解放碑', size: 3, scope: '解放碑片区支路及街巷路面、管线、照明更新', ownerUnit: '重庆市渝中区城市建设发展集团有限公司' },
  { name: '朝天门金角工程', department: '解放碑-朝天门管委会', stage: 'COMPLETION', investor: 'DISTRICT', direction: 'INFRASTRUCTURE', area: '朝天门', size: 3, scope: '朝天门两江交汇处滨江岸线及公共空间整治，贯通两江岸线', ownerUnit: '重庆市渝中区城市建设发展集团有限公司' },
  { name: '渝中绿道', department: '区城市管理局', stage: 'ONGOING', investor: 'DISTRICT', direction: 'INFRASTRUCTURE', area: '鹅岭', size: 1.5, scope: '山城步道及滨江绿道建设，智慧步道1条', ownerUnit: '重庆市渝中区城市管理局' },
  { name: '排水管网51公里', department: '区住房城乡建委', stage: 'NEW_START', investor: 'DISTRICT', direction: 'INFRASTRUCTURE', area: '上清寺', size: 2, scope: '改造雨污排水管网51公里', ownerUnit: '重庆市渝中区住房和城乡建设委员会' },
  { name: '燃气管道改造144公里', department: '区城市管理局', stage: 'NEW_START', investor: 'DISTRICT', direction: 'INFRASTRUCTURE', area: '两路口', size: 2, scope: '老旧燃气管道改造144公里', ownerUnit: '重庆中法能源服务有限公司' },
  { name: '山城巷二期', department: '区文化旅游委', stage: 'COMPLETION', investor: 'DISTRICT', direction: 'INDUSTRY', area: '南纪门', size: 2, scope: '山城巷历史风貌区二期保护修缮及业态植入', ownerUnit: '重庆市渝中区城市建设发展集团有限公司' },
  { name: '大田湾演艺功能提升工程', department: '区文化旅游委', stage: 'COMPLETION', investor: 'DISTRICT', direction: 'PUBLIC_SERVICE', area: '两路口', size: 1.5, scope: '大田湾体育场演艺功能提升改造', ownerUnit: '重庆市渝中区文化和旅游发展委员会' },
  { name: '求精中学河运路校区', department: '区教委', stage: 'COMPLETION', investor: 'DISTRICT', direction: 'PUBLIC_SERVICE', area: '大溪沟', size: 1.5, scope: '新建教学楼、综合楼及运动场，36个教学班', ownerUnit: '重庆市求精中学校' },
  { name: '陆海国际中心幕墙加装', department: '化龙桥片区管委会', stage: 'COMPLETION', investor: 'SOCIAL', direction: 'INDUSTRY', area: '化龙桥', size: 2, scope: '陆海国际中心塔楼幕墙加装及内部装修启动', ownerUnit: '重庆陆海国际中心开发有限公司' },
  { name: '新华万象中心', department: '区商务委', stage: 'COMPLETION', investor: 'SOCIAL', direction: 'INDUSTRY', area: '解放碑', size: 2, scope: '商业综合体改造及开业', ownerUnit: '华润置地（重庆）有限公司' },
  { name: '地王广场商业提升', department: '区商务委', stage: 'COMPLETION', investor: 'SOCIAL', direction: 'INDUSTRY', area: '解放碑', size: 1, scope: '地王广场商业业态调改及外立面提升', ownerUnit: '重庆地王广场有限公司' },
  { name: '燕子岩-飞机码头风貌街区', department: '区文化旅游委', stage: 'ONGOING', investor: 'DISTRICT', direction: 'INDUSTRY', area: '南纪门', size: 2.5, scope: '燕子岩至飞机码头历史风貌街区保护利用', ownerUnit: '重庆市渝中区城市建设发展集团有限公司' },
  { name: '市中医骨科医院（渝中区人民医院）二期', department: '区卫生健康委', stage: 'ONGOING', investor: 'DISTRICT', direction: 'PUBLIC_SERVICE', area: '七星岗', size: 2.5, scope: '新建医疗综合楼，新增床位300张', ownerUnit: '重庆市渝中区人民医院' },
  { name: '挑花刺绣厂', department: '区商务委', stage: 'ONGOING', investor: 'SOCIAL', direction: 'INDUSTRY', area: '大溪沟', size: 2.5, scope: '挑花刺绣厂地块商务楼宇建设，新增高端载体', ownerUnit: '重庆渝中挑花刺绣厂地块开发有限公司' },
  { name: '新华时尚城', department: '区商务委', stage: 'ONGOING', investor: 'SOCIAL', direction: 'INDUSTRY', area: '解放碑', size: 3, scope: '时尚产业综合体建设', ownerUnit: '重庆新华时尚城置业有限公司' },
  { name: '重庆塔', department: '解放碑-朝天门管委会', stage: 'ONGOING', investor: 'SOCIAL', direction: 'INDUSTRY', area: '解放碑', size: 4, scope: '超高层地标塔楼建设', ownerUnit: '重庆塔置业有限公司' },
  { name: '老鼓楼衙署跨街谯楼及博物馆', department: '区文化旅游委', stage: 'ONGOING', investor: 'DISTRICT', direction: 'PUBLIC_SERVICE', area: '解放碑', size: 1, scope: '老鼓楼衙署遗址保护展示、跨街谯楼复建及博物馆', ownerUnit: '重庆市渝中区文化和旅游发展委员会' },
  { name: '重庆古城墙修缮', department: '区文化旅游委', stage: 'ONGOING', investor: 'DISTRICT', direction: 'PUBLIC_SERVICE', area: '七星岗', size: 0.8, scope: '“九开八闭十七门”古城墙重点段落修缮', ownerUnit: '重庆市渝中区文物管理所' },
  { name: '西部陆海新通道物流贸易总部基地', department: '区商务委', stage: 'ONGOING', investor: 'SOCIAL', direction: 'INDUSTRY', area: '化龙桥', size: 2, scope: '国际物流、货代企业总部载体建设', ownerUnit: '重庆陆海新通道物流贸易发展有限公司' },
  { name: '西部中医药产业园提档升级', department: '区卫生健康委', stage: 'ONGOING', investor: 'DISTRICT', direction: 'INDUSTRY', area: '南纪门', size: 1, scope: '解放路药材市场及周边中医药产业载体提升', ownerUnit: '重庆市渝中区国有资产经营管理有限公司' },
  { name: '李子坝大公报片区', department: '区文化旅游委', stage: 'NEW_START', investor: 'DISTRICT', direction: 'INDUSTRY', area: '李子坝', size: 2, scope: '大公报旧址片区城市更新及文旅业态导入', ownerUnit: '重庆市渝中区城市建设发展集团有限公司' },
  { name: '印制贰厂南区更新改造', department: '区文化旅游委', stage: 'NEW_START', investor: 'SOCIAL', direction: 'INDUSTRY', area: '李子坝', size: 2, scope: '印制二厂南区厂房更新改造为文创街区', ownerUnit: '重庆印制贰厂文化创意有限公司' },
  { name: '十八梯品质提升', department: '区文化旅游委', stage: 'NEW_START', investor: 'DISTRICT', direction: 'INDUSTRY', area: '七星岗', size: 1.5, scope: '十八梯传统风貌区品质提升及业态调改', ownerUnit: '重庆市渝中区城市建设发展集团有限公司' },
  { name: '妙街二期', department: '解放碑-朝天门管委会', stage: 'NEW_START', investor: 'SOCIAL', direction: 'INDUSTRY', area: '解放碑', size: 1, scope: '特色消费街区二期建设', ownerUnit: '重庆渝中妙街商业管理有限公司' },
  { name: '湖广会馆巴渝美食休闲基地', department: '区商务委', stage: 'NEW_START', investor: 'SOCIAL', direction: 'INDUSTRY', area: '朝天门', size: 1, scope: '湖广会馆周边美食休闲街区培育', ownerUnit: '重庆湖广会馆文化旅游发展有限公司' },
  { name: '夜雨寺主题公园复建', department: '区城市管理局', stage: 'NEW_START', investor: 'DISTRICT', direction: 'PUBLIC_SERVICE', area: '鹅岭', size: 1, scope: '夜雨寺遗址主题公园复建', ownerUnit: '重庆市渝中区城市管理局' },
  { name: '重庆筑城史馆', department: '区文化旅游委', stage: 'NEW_START', investor: 'DISTRICT', direction: 'PUBLIC_SERVICE', area: '七星岗', size: 1, scope: '重庆筑城历史陈列馆建设', ownerUnit: '重庆市渝中区文化和旅游发展委员会' },
  { name: '全民健身中心', department: '区体育局', stage: 'NEW_START', investor: 'DISTRICT', direction: 'PUBLIC_SERVICE', area: '大坪', size: 1.5, scope: '新建全民健身中心，含游泳馆、综合训练馆', ownerUnit: '重庆市渝中区体育局' },
  { name: '珊瑚坝户外运动基地', department: '区体育局', stage: 'NEW_START', investor: 'DISTRICT', direction: 'PUBLIC_SERVICE', area: '南纪门', size: 1, scope: '珊瑚坝户外运动场地及配套设施', ownerUnit: '重庆市渝中区体育局' },
  { name: '老旧小区改造100万平方米', department: '区住房城乡建委', stage: 'NEW_START', investor: 'DISTRICT', direction: 'PUBLIC_SERVICE', area: '大坪', size: 3, scope: '改造老旧小区100万平方米，含加装电梯、管网及外立面', ownerUnit: '重庆市渝中区住房和城乡建设委员会' },
  { name: '消防“两站一中心”', department: '区应急管理局', stage: 'NEW_START', investor: 'DISTRICT', direction: 'PUBLIC_SERVICE', area: '上清寺', size: 1, scope: '新建消防站2座及应急救援指挥中心', ownerUnit: '重庆市渝中区应急管理局' },
  { name: '十八梯北地块学校', department: '区教委', stage: 'NEW_START', investor: 'DISTRICT', direction: 'PUBLIC_SERVICE', area: '七星岗', size: 1.2, scope: '新建小学，24个教学班', ownerUnit: '重庆市渝中区教育委员会' },
  { name: '嘉陵新村6号地块', department: '区规划自然资源局', stage: 'PRELIMINARY', investor: 'SOCIAL', direction: 'REAL_ESTATE', area: '上清寺', size: 1, scope: '地块前期策划研究及规划方案优化', ownerUnit: '重庆市渝中区规划和自然资源局' },
  { name: '望龙门缆车', department: '区文化旅游委', stage: 'PRELIMINARY', investor: 'DISTRICT', direction: 'INDUSTRY', area: '朝天门', size: 1, scope: '望龙门缆车遗址复建文旅项目谋划', ownerUnit: '重庆市渝中区文化和旅游发展委员会' },
];

export const AREAS = [
  '解放碑', '朝天门', '化龙桥', '大坪', '两路口', '上清寺', '菜园坝', '七星岗', '南纪门', '大溪沟', '石油路', '鹅岭', '李子坝',
] as const;

/** 片区 → the 街道 that covers it (for street-level works). */
export const AREA_SUBDISTRICT: Readonly<Record<string, string>> = {
  解放碑: '解放碑街道', 朝天门: '朝天门街道', 化龙桥: '化龙桥街道', 大坪: '大坪街道', 两路口: '两路口街道',
  上清寺: '上清寺街道', 菜园坝: '菜园坝街道', 七星岗: '七星岗街道', 南纪门: '南纪门街道', 大溪沟: '大溪沟街道',
  石油路: '石油路街道', 鹅岭: '化龙桥街道', 李子坝: '化龙桥街道',
};

export interface WorkKind {
  /** "{area}" is replaced by the 片区 */
  name: string;
  departments: readonly string[];
  /** one of these, or the 街道 of the area when it is "街道" */
  scope: string;
}

const STREET = '街道';

/** Kinds of work for generated projects, by investment direction. */
export const WORK_KINDS: Readonly<Record<Direction, readonly WorkKind[]>> = {
  INFRASTRUCTURE: [
    { name: '{area}片区支路品质提升', departments: ['区住房城乡建委', STREET], scope: '支路路面、人行道及照明提升' },
    { name: '{area}排水管网雨污分流改造', departments: ['区住房城乡建委'], scope: '雨污分流及管网修复' },
    { name: '{area}公共停车场建设', departments: ['区交通局', '重庆市渝中区城市建设发展集团有限公司'], scope: '新建公共停车泊位' },
    { name: '{area}人行梯道及步道整治', departments: ['区城市管理局', STREET], scope: '梯道、步道整治及无障碍设施' },
    { name: '{area}边坡危岩综合治理', departments: ['区规划自然资源局', '区应急管理局'], scope: '危岩、边坡排危及防护' },
    { name: '{area}城市道路综合整治', departments: ['区交通局'], scope: '路面改造、交通组织优化' },
    { name: '{area}片区供电线路入地', departments: ['区经济信息委'], scope: '架空线缆入地改造' },
    { name: '{area}滨江岸线整治', departments: ['区城市管理局', '重庆市渝中区城市建设发展集团有限公司'], scope: '岸线整治及公共空间提升' },
    { name: '{area}口袋公园建设', departments: ['区城市管理局', STREET], scope: '新建口袋公园及绿化提升' },
    { name: '{area}智慧交通设施完善', departments: ['区交通局'], scope: '信号灯、电子警察及诱导屏' },
  ],
  PUBLIC_SERVICE: [
    { name: '{area}社区卫生服务中心改造', departments: ['区卫生健康委'], scope: '业务用房改造及设备购置' },
    { name: '{area}小学改扩建', departments: ['区教委'], scope: '新增教学用房及运动场改造' },
    { name: '{area}幼儿园新建', departments: ['区教委'], scope: '新建幼儿园，9个班' },
    { name: '{area}社区养老服务中心', departments: ['区民政局', STREET], scope: '社区养老服务设施建设' },
    { name: '{area}社区文化活动中心', departments: ['区文化旅游委', STREET], scope: '社区文化活动用房改造' },
    { name: '{area}老旧小区改造', departments: ['区住房城乡建委', STREET], scope: '老旧小区综合改造及加装电梯' },
    { name: '{area}全民健身设施补短板', departments: ['区体育局'], scope: '社区运动场地及健身设施' },
    { name: '{area}公共厕所新建改造', departments: ['区城市管理局'], scope: '公厕新建及提档改造' },
    { name: '{area}应急避难场所建设', departments: ['区应急管理局'], scope: '应急避难场所及物资储备点' },
    { name: '{area}便民服务中心改造', departments: [STREET], scope: '街道便民服务中心改造' },
  ],
  REAL_ESTATE: [
    { name: '{area}城市更新住宅项目', departments: ['区住房城乡建委'], scope: '住宅及配套商业建设' },
    { name: '{area}地块商品住宅开发', departments: ['区规划自然资源局', '区住房城乡建委'], scope: '商品住宅开发' },
    { name: '{area}片区棚户区改造安置房', departments: ['区住房城乡建委', '区国资委'], scope: '安置房建设' },
    { name: '{area}保障性租赁住房', departments: ['区住房城乡建委', '重庆市渝中区国有资产经营管理有限公司'], scope: '保障性租赁住房筹集建设' },
    { name: '{area}商住综合体', departments: ['区规划自然资源局'], scope: '商住综合体开发' },
  ],
  INDUSTRY: [
    { name: '{area}老旧楼宇改造提升', departments: ['区商务委', '区国资委'], scope: '楼宇外立面、机电及智能化改造' },
    { name: '{area}特色商业街区提升', departments: ['区商务委', STREET], scope: '街区业态调改及环境提升' },
    { name: '{area}文旅街区保护利用', departments: ['区文化旅游委'], scope: '历史建筑修缮及文旅业态导入' },
    { name: '{area}数字经济产业园', departments: ['区经济信息委', '区科技局'], scope: '软信产业载体改造' },
    { name: '{area}科创孵化载体建设', departments: ['区科技局'], scope: '孵化器、众创空间载体' },
    { name: '{area}总部楼宇建设', departments: ['区商务委', '解放碑-朝天门管委会', '化龙桥片区管委会'], scope: '总部楼宇建设' },
    { name: '{area}夜间经济集聚区', departments: ['区商务委', '区文化旅游委'], scope: '夜间消费场景打造' },
    { name: '{area}大健康产业载体', departments: ['区卫生健康委', '区商务委'], scope: '医药健康产业载体' },
    { name: '{area}存量资产盘活改造', departments: ['区国资委', '重庆市渝中区国有资产经营管理有限公司'], scope: '闲置资产改造利用' },
  ],
};

export const STREET_DEPARTMENT = STREET;

export const PHASES = ['', '（一期）', '（二期）', '（三期）'] as const;

/** 形象进度 wording by share of the work done. */
export const PROGRESS_STEPS: Readonly<Record<Direction, readonly string[]>> = {
  INFRASTRUCTURE: ['施工准备及管线迁改', '场地清表、临时设施搭建', '路基及基础施工', '主体结构施工', '主体结构完成，附属工程施工', '路面及附属设施施工', '交通设施安装、收尾', '完成竣工验收'],
  PUBLIC_SERVICE: ['施工准备', '基础施工', '主体结构施工', '主体结构封顶', '二次结构及机电安装', '装饰装修施工', '室外工程及设备调试', '完成竣工验收'],
  REAL_ESTATE: ['土石方施工', '基础施工', '地下室结构施工', '主体结构施工', '主体结构封顶', '外立面及装饰装修', '园林景观及配套', '完成竣工备案'],
  INDUSTRY: ['施工准备', '拆除及加固施工', '主体结构施工', '主体结构完成', '幕墙及机电安装', '装饰装修及业态招商', '开业筹备', '建成投用'],
};

export const PROBLEMS = [
  '管线迁改协调进度慢',
  '征收拆迁尚有3户未签约',
  '施工场地狭窄，夜间施工许可受限',
  '资金拨付滞后',
  '地质条件复杂，基础施工工期延长',
  '文物勘探影响施工进度',
];

export const COORDINATION = [
  '请区城市管理局协调占道施工审批',
  '请区财政局加快资金拨付',
  '请区规划自然资源局协调方案调整',
  '请相关街道协助做好群众工作',
  '请电力、燃气等管线单位加快迁改',
];

export const RETURN_COMMENTS = [
  '本月完成投资与形象进度不匹配，请核实后重新报送。',
  '请补充存在问题的具体原因及解决时限。',
  '1-11月累计投资较上月变化异常，请附支撑材料。',
];

export const LEADERS = ['张副区长', '王副区长', '刘副区长', '陈副区长', '赵副区长'];

export const SURNAMES = ['张', '王', '李', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '何', '罗', '郑'];
