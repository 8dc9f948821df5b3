/**
 * What blocks the demo's projects: each issue is a report's 存在问题 with the 需协调事项 that asks for help with it,
 * so the problems the bureau turns them into (prisma/seed/problems.ts) get a category, a lead unit and a timeline
 * that match the text. Chongqing Yuzhong flavour: a steep old town of 棚户区, dense gas and power lines, narrow sites.
 */

/** The categories the problems migration inserts, by name. */
export type ProblemCategoryName = '征地拆迁' | '规划用地' | '审批手续' | '资金保障' | '管线迁改' | '施工组织' | '其他';

/** A unit named by its department, or the project's own department, or the 街道 of the project's 片区. */
export type UnitRef = 'OWN' | 'STREET' | (string & {});

export interface IssueSpec {
  category: ProblemCategoryName;
  /** 存在问题 as the department writes it */
  problem: string;
  /** 需协调事项 that go with it (one is drawn per report) */
  coordination: readonly string[];
  /** the problem's title: a short form of the text */
  title: string;
  /** 牵头单位 the bureau assigns */
  lead: UnitRef;
  /** 配合单位 */
  supporting: readonly UnitRef[];
}

const ZJW = '区住房城乡建委';
const GHZY = '区规划自然资源局';
const CGJ = '区城市管理局';
const STJ = '区生态环境局';
const GZW = '区国资委';

/** Issues of projects under construction. */
export const CONSTRUCTION_ISSUES: readonly IssueSpec[] = [
  {
    category: '管线迁改',
    problem: '施工范围内中压燃气管道约300米未迁改，影响基础施工',
    coordination: [
      '请区住房城乡建委协调重庆燃气集团加快中压燃气管道迁改方案审查，尽早实施迁改',
      '请协调燃气公司明确燃气管道迁改工期，为基础施工让出作业面',
    ],
    title: '中压燃气管道迁改滞后',
    lead: ZJW,
    supporting: ['OWN'],
  },
  {
    category: '管线迁改',
    problem: '10kV电力电缆及通信管线迁改进度慢，制约主体施工',
    coordination: [
      '请协调国网重庆市区供电公司加快10kV电力电缆迁改，明确停电计划',
      '请区住房城乡建委牵头召开管线迁改协调会，督促电力、通信产权单位按期迁改',
    ],
    title: '电力及通信管线迁改进度慢',
    lead: ZJW,
    supporting: [CGJ],
  },
  {
    category: '管线迁改',
    problem: '老旧供水、排水管网与新建管线冲突，需重新设计迁改路由',
    coordination: ['请协调重庆水务集团确认供排水管网迁改路由并配合实施'],
    title: '供排水管网迁改路由冲突',
    lead: 'OWN',
    supporting: [ZJW],
  },
  {
    category: '征地拆迁',
    problem: '项目红线内棚户区尚有3户未签订征收补偿协议',
    coordination: [
      '请属地街道加大群众工作力度，推动剩余3户签约腾房',
      '请区住房城乡建委协调征收事务中心加快剩余户数征收补偿谈判',
    ],
    title: '棚户区剩余3户未签约',
    lead: 'STREET',
    supporting: [ZJW],
  },
  {
    category: '征地拆迁',
    problem: '临街门面及附属设施征收补偿分歧较大，影响场地移交',
    coordination: ['请属地街道会同区住房城乡建委做好临街商户征收补偿协调，尽快移交施工场地'],
    title: '临街门面征收补偿分歧',
    lead: ZJW,
    supporting: ['STREET'],
  },
  {
    category: '规划用地',
    problem: '规划方案需局部调整，建筑退线与相邻地块存在矛盾',
    coordination: [
      '请区规划自然资源局协调规划方案调整，加快方案审查',
      '请区规划自然资源局明确退线调整意见，支持尽快办理规划变更',
    ],
    title: '规划方案调整待审查',
    lead: GHZY,
    supporting: ['OWN'],
  },
  {
    category: '规划用地',
    problem: '临时用地到期，续期手续未办结',
    coordination: ['请区规划自然资源局支持办理临时用地续期手续'],
    title: '临时用地续期未办结',
    lead: GHZY,
    supporting: [],
  },
  {
    category: '审批手续',
    problem: '施工许可证尚未取得，消防设计审查意见待回复',
    coordination: ['请区住房城乡建委加快施工许可审批，并协调消防设计审查', '请开辟审批绿色通道，容缺受理施工许可'],
    title: '施工许可待核发',
    lead: ZJW,
    supporting: [GHZY],
  },
  {
    category: '审批手续',
    problem: '环评批复补充论证未完成，影响开工',
    coordination: ['请区生态环境局指导补充论证，加快环评审批'],
    title: '环评补充论证未完成',
    lead: STJ,
    supporting: ['OWN'],
  },
  {
    category: '资金保障',
    problem: '专项债资金尚未到位，工程款支付滞后',
    coordination: ['请区财政局加快专项债资金拨付，保障工程款支付', '请协调专项债资金尽快到位，避免施工单位停工'],
    title: '专项债资金未到位',
    lead: 'OWN',
    supporting: [GZW],
  },
  {
    category: '资金保障',
    problem: '项目资本金缺口较大，融资方案未落实',
    coordination: ['请区国资委协调区属国企落实项目资本金及融资方案'],
    title: '资本金缺口及融资未落实',
    lead: GZW,
    supporting: ['OWN'],
  },
  {
    category: '施工组织',
    problem: '施工场地狭窄，夜间施工许可受限，工期紧张',
    coordination: [
      '请区城市管理局支持办理夜间施工许可，适当延长作业时间',
      '请协调夜间施工许可及渣土运输时段，保障施工进度',
    ],
    title: '夜间施工许可受限',
    lead: CGJ,
    supporting: [STJ],
  },
  {
    category: '施工组织',
    problem: '占道施工需交通疏解，占道审批未完成',
    coordination: ['请区城市管理局协调占道施工审批及交通疏解方案'],
    title: '占道施工审批未完成',
    lead: CGJ,
    supporting: ['STREET'],
  },
  {
    category: '施工组织',
    problem: '地质条件复杂，边坡及基础施工需专家论证',
    coordination: ['请区住房城乡建委组织边坡及深基坑专项方案专家论证'],
    title: '边坡深基坑方案待论证',
    lead: ZJW,
    supporting: ['OWN'],
  },
  {
    category: '其他',
    problem: '文物勘探发现遗存，影响施工进度',
    coordination: ['请区文化旅游委协调文物部门加快考古勘探及遗存保护方案审查'],
    title: '文物勘探影响施工',
    lead: '区文化旅游委',
    supporting: [GHZY],
  },
  {
    category: '其他',
    problem: '周边居民对施工噪声和扬尘投诉较多',
    coordination: ['请属地街道协助做好周边居民沟通解释工作'],
    title: '周边居民投诉施工扰民',
    lead: 'STREET',
    supporting: [STJ],
  },
];

/** What blocks a 前期 project's next milestone (the milestone's note and the report's 存在问题). */
export const PRELIMINARY_ISSUES: readonly IssueSpec[] = [
  {
    category: '规划用地',
    problem: '用地手续办理中，待市级审批',
    coordination: ['请区规划自然资源局向市规划自然资源局汇报，加快用地预审及规划选址审批'],
    title: '用地预审待市级审批',
    lead: GHZY,
    supporting: ['OWN'],
  },
  {
    category: '规划用地',
    problem: '规划方案需调整，待专家评审',
    coordination: ['请区规划自然资源局尽快组织规划方案专家评审'],
    title: '规划方案待专家评审',
    lead: GHZY,
    supporting: [],
  },
  {
    category: '审批手续',
    problem: '环评公示期收到意见，需补充论证',
    coordination: ['请区生态环境局指导环评补充论证，明确审批时限'],
    title: '环评公示意见需补充论证',
    lead: STJ,
    supporting: ['OWN'],
  },
  {
    category: '资金保障',
    problem: '资金来源尚未落实',
    coordination: ['请区发展改革委协调申报专项债及中央预算内资金，落实资金来源'],
    title: '前期项目资金来源未落实',
    lead: 'OWN',
    supporting: [GZW],
  },
];

/** Progress replies of the lead unit, by category; a problem's replies are drawn in order of progress. */
export const LEAD_REPLIES: Readonly<Record<ProblemCategoryName, readonly string[]>> = {
  征地拆迁: [
    '已成立专班，逐户上门走访，了解诉求',
    '已召开征收补偿协调会，2户达成初步意向',
    '剩余户数已完成评估复核，正在签约',
  ],
  规划用地: [
    '已组织现场踏勘，收集相邻地块资料',
    '调整方案已编制完成，报区规划委员会审查',
    '审查意见已反馈，正在修改完善',
  ],
  审批手续: ['已受理申请，正在技术审查', '已开辟绿色通道，容缺受理', '审查意见已出具，待建设单位补正材料'],
  资金保障: ['已向区财政局报送资金申请', '专项债额度已下达，正在办理拨付手续', '首批资金已拨付，其余资金按进度拨付'],
  管线迁改: [
    '已会同产权单位现场踏勘，确定迁改路由',
    '迁改方案已通过审查，施工队伍已进场',
    '迁改施工完成约六成，预计两周内完成',
  ],
  施工组织: [
    '已与施工单位现场核实作业需求',
    '已召开专题协调会，明确作业时段及交通疏解方案',
    '相关许可已办理，正在跟踪落实',
  ],
  其他: ['已现场调查，制定工作方案', '已组织相关单位会商', '正在按会商意见推进落实'],
};

/** Replies of a supporting unit. */
export const SUPPORT_REPLIES: readonly string[] = [
  '我单位已安排专人对接，全力配合',
  '已按职责提供相关资料，配合推进',
  '已参加现场协调会，按分工落实',
];

/** What was done, when the lead unit proposes closure and the bureau closes it. */
export const RESOLUTIONS: Readonly<Record<ProblemCategoryName, string>> = {
  征地拆迁: '剩余户数已全部签约腾房，施工场地已移交',
  规划用地: '规划调整已批复，用地手续已办结',
  审批手续: '相关许可已核发，项目已具备施工条件',
  资金保障: '资金已拨付到位，工程款按合同支付',
  管线迁改: '管线迁改已全部完成并通过产权单位验收，作业面已移交',
  施工组织: '作业时段及占道审批已落实，施工有序推进',
  其他: '问题已协调解决，不再影响项目推进',
};

/** Why the bureau sent a proposed closure back. */
export const SEND_BACK_REASONS: readonly string[] = [
  '办结依据不充分，请补充相关批复或验收资料',
  '现场核实问题尚未完全解决，请继续跟进',
];

/** The one problem the bureau raised that concerns no single project. */
export const DISTRICT_ISSUE: IssueSpec = {
  category: '施工组织',
  problem: '',
  coordination: [
    '解放碑—朝天门片区年内集中开工项目多，渣土运输线路与夜间施工时段交叉，需统筹安排渣土消纳场地和运输时段',
  ],
  title: '解放碑—朝天门片区渣土消纳及运输统筹',
  lead: CGJ,
  supporting: [ZJW, '解放碑街道'],
};

/** 督办单 requirement for the escalated problem. */
export const SUPERVISION_REQUIREMENT =
  '请牵头单位于2025年12月10日前办结并书面报告办理结果；配合单位按职责全力配合，联系区领导督促落实，逾期未办结的在全区重点项目调度会上通报。';
