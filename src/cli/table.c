/* table.c: the command line's tables (options, commands, environment)
 * and the one parser that reads argv against them.  Adding a command is a
 * row here and a handler; --help and the manual follow by themselves.
 *
 * Options may come before or after the command and its sub-command; a
 * long option's argument may also be given as --name=value.  Before a
 * handler runs, the parser has refused (exit status 2, a Chinese message
 * naming the problem, the command's synopsis): an unknown option or
 * command, a missing argument, an option the command does not take, and a
 * required option left out. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_int.h"
#include "base/util.h"
#include "store/store.h"
#include "version.h"

/* ---- the options ------------------------------------------------------------ */

/* each option names only what it has: an alias, an argument with its hint,
 * whether it is for tests only */
const struct cli_option cli_options[OPT_COUNT] = {
	[OPT_DB] = {
		.name = "--db", .arg = "路径", .hint = "数据库文件",
		.help = "数据库文件；屏幕打开它，不存在时新建并先询问社区名称。\n"
		        "默认：$XDG_DATA_HOME/yishiting/yishiting.db"
		        "（未设置 XDG_DATA_HOME 时为 ~/.local/share/yishiting/yishiting.db）",
		.group = GROUP_GENERAL,
	},
	[OPT_MONO] = {
		.name = "--mono", .help = "不用颜色（也可设置环境变量 NO_COLOR）", .group = GROUP_GENERAL,
	},
	[OPT_FIRST_FRAME] = {
		.name = "--exit-after-first-frame", .help = "画出第一屏后退出（测试用）",
		.group = GROUP_GENERAL, .testing = 1,
	},
	[OPT_MEETING] = {
		.name = "--meeting", .arg = "会议编号",
		.hint = "如 2026-H-05；yishiting list meetings 可列出全部会议",
		.help = "会议编号，如 2026-H-05（见 list meetings）", .group = GROUP_PAPER,
	},
	[OPT_PROPOSAL] = {
		.name = "--proposal", .arg = "议题编号",
		.hint = "如 2026-017；yishiting list notices 可列出全部公示",
		.help = "议题编号，如 2026-017（见 list proposals、list notices）", .group = GROUP_PAPER,
	},
	[OPT_KIND] = {
		.name = "--kind", .arg = "种类", .hint = "decision 或 result",
		.help = "decision：决议公开的公示（默认）；result：实施结果公开的公示", .group = GROUP_PAPER,
	},
	[OPT_FORMAT] = {
		.name = "--format", .arg = "格式", .hint = "pdf、html、txt，决议数据为 csv、json",
		.help = "文档：pdf（默认；给出 -o 文件时按它的扩展名推断）、html、txt；"
		        "决议数据：csv 或 json",
		.group = GROUP_PAPER,
	},
	[OPT_OUTPUT] = {
		.name = "-o", .alias = "--output", .arg = "文件或文件夹",
		.help = "写到哪里。给出已有的文件夹（或以 / 结尾的路径）时，在其中起名："
		        "文档为“编号_标题.扩展名”，决议数据为“决议汇总_日期.扩展名”。"
		        "省略时，文档写入默认的文件夹（文档/议事厅，设置 export_dir 可改），"
		        "决议数据写到标准输出（写 - 也是）；公示栏网页必须给出文件夹",
		.group = GROUP_PAPER,
	},
	[OPT_GB18030] = {
		.name = "--gb18030", .help = "文本、HTML、CSV 用 GB18030 编码（供旧版 Windows 使用）",
		.group = GROUP_PAPER,
	},
	[OPT_INTERNAL] = {
		.name = "--internal", .help = "公示的内部版本（含个人信息）；默认是可张贴的公开版本",
		.group = GROUP_PAPER,
	},
	[OPT_PRINTER] = {
		.name = "--printer", .arg = "打印机", .hint = "CUPS 打印机的名称",
		.help = "CUPS 打印机名称；默认用设置 printer，再不然用系统默认打印机", .group = GROUP_PAPER,
	},
	[OPT_SORT] = {
		.name = "--sort", .arg = "次序", .hint = "number 或 grid",
		.help = "签到表的次序：number 按花名册编号（默认），grid 按网格（网格内按编号）",
		.group = GROUP_PAPER,
	},
	[OPT_ITEMS] = {
		.name = "--items", .arg = "议程", .hint = "会议中的议程序号，如 1,3",
		.help = "表决票印哪几项议程（会议中的序号，逗号分隔）；默认为尚未结束的全部议程（都已结束时为全部议程）",
		.group = GROUP_PAPER,
	},
	[OPT_COPIES] = {
		.name = "--copies", .arg = "张数", .hint = "1 至 5000",
		.help = "表决票每种印几张；默认为应到人数", .group = GROUP_PAPER,
	},
	[OPT_PER_PAGE] = {
		.name = "--per-page", .arg = "张数", .hint = "1、2 或 4",
		.help = "每页 A4 印几张表决票（之间有裁剪线）；默认按议程多少尽量多印，最多 4 张",
		.group = GROUP_PAPER,
	},
	[OPT_SEPARATE] = {
		.name = "--separate", .help = "每项议程单独印一种表决票（默认各项印在同一张上）",
		.group = GROUP_PAPER,
	},
	[OPT_NAMED] = {
		.name = "--named", .help = "记名表决票：给每位应到人员印一张写有姓名的表决票",
		.group = GROUP_PAPER,
	},
	[OPT_METHOD] = {
		.name = "--method", .arg = "方式", .hint = "hands、secret 或 rollcall",
		.help = "主持词中的表决方式：hands 举手（默认）、secret 无记名投票、rollcall 记名表决",
		.group = GROUP_PAPER,
	},
	[OPT_TO] = {
		.name = "--to", .arg = "文件夹", .hint = "如 U 盘：/media/用户名/U盘名",
		.help = "备份写到哪个文件夹（如 U 盘）；文件名为“议事厅备份_日期_时刻.db”",
		.group = GROUP_DATA,
	},
	[OPT_KEEP] = {
		.name = "--keep", .arg = "份数", .hint = "1 至 1000",
		.help = "文件夹里保留最新的几份备份，更早的删除；默认 10",
		.group = GROUP_DATA,
	},
	[OPT_FROM] = {
		.name = "--from", .arg = "备份文件", .hint = "如 /media/用户名/U盘名/议事厅备份_2026-11-22_140500.db",
		.help = "用哪一份备份恢复", .group = GROUP_DATA,
	},
	[OPT_DIGEST] = {
		.name = "--digest", .arg = "摘要", .hint = "纸质会议记录每页下方“SM3”后面的 64 位",
		.help = "与 --meeting 一起：用纸质会议记录上印的 SM3 摘要核对数据库（纸质件是机器之外的凭据）",
		.group = GROUP_DATA,
	},
	[OPT_MAP] = {
		.name = "--map", .arg = "列=字段", .hint = "如 3=电话,联系方式=电话,备用号码=不导入",
		.help = "导入花名册时改正某列对应的字段：列写列号（从 1 起）或表头上的名称，字段写"
		        "姓名、性别、出生日期、身份证号后四位、身份证号、电话、户号、楼栋、单元、房号、网格、"
		        "居民小组、身份、职务、备注或“不导入”；几项用逗号隔开",
		.group = GROUP_DATA,
	},
	[OPT_DUPLICATES] = {
		.name = "--duplicates", .arg = "做法", .hint = "merge、skip 或 add",
		.help = "导入时与已有的人重复（同名同户号、同名同房号或电话相同）的行：merge 合并（文件中有的内容"
		        "填入已有的人，身份相加），skip 跳过，add 仍然作为新的人；不给时列出重复的行，不导入",
		.group = GROUP_DATA,
	},
	[OPT_DRY_RUN] = {
		.name = "--dry-run", .help = "试导入：只显示会怎样导入，不写入数据库", .group = GROUP_DATA,
	},
	[OPT_YEAR] = {
		.name = "--year", .arg = "年份", .hint = "如 2026",
		.help = "哪一年：统计（1 月 1 日至 12 月 31 日，不给时为今年），大事记、书记手记（必须给出）",
		.group = GROUP_PAPER,
	},
	[OPT_PERIOD] = {
		.name = "--period", .arg = "起止日期", .hint = "如 2026-03-01..2026-08-31",
		.help = "统计一段时间（两个日期都算在内），代替 --year", .group = GROUP_PAPER,
	},
	[OPT_NOTICE] = {
		.name = "--notice", .arg = "文号", .hint = "如 〔2026〕3号 或 2026-3",
		.help = "公示的文号，如 〔2026〕3号（也可写 2026-3）", .group = GROUP_DATA,
	},
	[OPT_TITLE] = {
		.name = "--title", .arg = "说明", .hint = "如 签字的签到表",
		.help = "附件是什么（最多 60 字），如“签字的签到表”“张贴的公示照片”；默认用文件名",
		.group = GROUP_DATA,
	},
	[OPT_ID] = {
		.name = "--id", .arg = "附件编号", .hint = "yishiting list attachments 第一列的 8 位",
		.help = "附件编号（list attachments 第一列，写前 8 位即可）", .group = GROUP_DATA,
	},
	[OPT_HELP] = {
		.name = "--help", .alias = "-h", .help = "显示这份说明", .group = GROUP_GENERAL,
	},
	[OPT_VERSION] = {
		.name = "--version", .alias = "-V", .help = "显示版本和数据库结构版本",
		.group = GROUP_GENERAL,
	},
	[OPT_STATE] = {
		.name = "--state", .arg = "状态", .hint = "open、answered 或 overdue",
		.help = "列出民情日记时只列某一种：open 待答复（含逾期）、answered 已答复、overdue 逾期未答复；"
		        "省略时列出全部",
		.group = GROUP_DATA,
	},
};

/* ---- the commands ------------------------------------------------------------ */

#define DOC_OPTS (OPT(OPT_DB) | OPT(OPT_FORMAT) | OPT(OPT_OUTPUT) | OPT(OPT_GB18030))
#define BALLOT_OPTS (OPT(OPT_ITEMS) | OPT(OPT_COPIES) | OPT(OPT_PER_PAGE) | OPT(OPT_SEPARATE) | \
	OPT(OPT_NAMED))
#define MEETING_REQ (OPT(OPT_DB) | OPT(OPT_MEETING))
#define PAPER_ARGS { [OPT_FORMAT] = "pdf|html|txt", [OPT_OUTPUT] = "文件", \
	[OPT_SORT] = "number|grid", [OPT_METHOD] = "hands|secret|rollcall" }
#define LIST_HELP "列出会议、议题或公示：每行一条记录，以制表符分隔：编号、日期、类型或步骤、标题；" \
	"会议另有状态（未开始、进行中、已散会、已签字、已延期、已取消）"

const struct cli_command cli_commands[] = {
	{ NULL, NULL, OPT(OPT_DB) | OPT(OPT_MONO) | OPT(OPT_FIRST_FRAME), 0, { 0 },
	  "不给命令时打开全屏界面", cmd_ui },
	{ "demo", NULL, OPT(OPT_DB), OPT(OPT_DB), { 0 },
	  "写一个演示社区数据库（不覆盖已有文件）", cmd_demo },
	{ "check", NULL, OPT(OPT_DB), OPT(OPT_DB), { 0 },
	  "检查数据库完整性与一致性", cmd_check },
	{ "verify", NULL, OPT(OPT_DB) | OPT(OPT_MEETING) | OPT(OPT_DIGEST), OPT(OPT_DB), { 0 },
	  "核对已签字确认的会议记录是否被改动，指出改动的是哪条记录；"
	  "给出 --meeting 和 --digest 时，用纸质件上的摘要核对这一次会议", cmd_verify },
	{ "backup", NULL, OPT(OPT_DB) | OPT(OPT_TO) | OPT(OPT_KEEP), OPT(OPT_DB) | OPT(OPT_TO), { 0 },
	  "把数据库备份到一个文件夹（如 U 盘）：程序开着也能备份，备份做好后先核对再起名，只保留最新的几份",
	  cmd_backup },
	{ "restore", NULL, OPT(OPT_DB) | OPT(OPT_FROM), OPT(OPT_DB) | OPT(OPT_FROM), { 0 },
	  "用一份备份恢复数据库：先核对备份，原来的文件改名保留（“恢复前-日期”），不会丢", cmd_restore },
	{ "salvage", NULL, OPT(OPT_DB) | OPT(OPT_OUTPUT), OPT(OPT_DB) | OPT(OPT_OUTPUT),
	  { [OPT_OUTPUT] = "新数据库文件" },
	  "从损坏的数据库里把还读得出的记录救到一个新数据库（逐表读出，说明每张表救出多少）", cmd_salvage },
	{ "import", "roster", OPT(OPT_DB) | OPT(OPT_MAP) | OPT(OPT_DUPLICATES) | OPT(OPT_DRY_RUN), OPT(OPT_DB),
	  { [OPT_DUPLICATES] = "merge|skip|add", [ARG_OPERAND] = "文件" },
	  "从 CSV（UTF-8 或 GB18030，Excel、WPS 另存的都行）或 .xlsx 导入花名册：按表头认列，"
	  "列出不能导入的行和原因、与已有的人重复的行；要么全部导入，要么一行也不写", cmd_import_roster },
	{ "export", "roster", OPT(OPT_DB) | OPT(OPT_FORMAT) | OPT(OPT_OUTPUT) | OPT(OPT_GB18030), OPT(OPT_DB),
	  { [OPT_FORMAT] = "xlsx|csv", [OPT_OUTPUT] = "文件" },
	  "把花名册导出为 Excel（.xlsx，默认）或 CSV；表头与导入时认的一样，改好后可以再导入", cmd_export_roster },
	{ "export", "diary", OPT(OPT_DB) | OPT(OPT_FORMAT) | OPT(OPT_OUTPUT) | OPT(OPT_GB18030), OPT(OPT_DB),
	  { [OPT_FORMAT] = "xlsx|csv", [OPT_OUTPUT] = "文件" },
	  "把民情日记导出为 Excel（.xlsx，默认）或 CSV：每条的反映人、事项、办理、答复和状态", cmd_export_diary },
	{ "export", "minutes", DOC_OPTS | OPT(OPT_MEETING), OPT(OPT_DB) | OPT(OPT_MEETING),
	  { [OPT_FORMAT] = "pdf|html|txt", [OPT_OUTPUT] = "文件" },
	  "把会议记录导出为 PDF、HTML 或纯文本", cmd_export_doc },
	{ "export", "notice", DOC_OPTS | OPT(OPT_PROPOSAL) | OPT(OPT_KIND) | OPT(OPT_INTERNAL),
	  OPT(OPT_DB) | OPT(OPT_PROPOSAL),
	  { [OPT_KIND] = "decision|result", [OPT_FORMAT] = "pdf|html|txt", [OPT_OUTPUT] = "文件" },
	  "把公示导出为 PDF、HTML 或纯文本", cmd_export_doc },
	{ "export", "decisions", OPT(OPT_DB) | OPT(OPT_FORMAT) | OPT(OPT_OUTPUT) | OPT(OPT_GB18030),
	  OPT(OPT_DB) | OPT(OPT_FORMAT), { [OPT_FORMAT] = "csv|json", [OPT_OUTPUT] = "文件" },
	  "把全部决议导出为数据（CSV 带 BOM，Excel、WPS 可直接打开）", cmd_export_decisions },
	{ "export", "board", OPT(OPT_DB) | OPT(OPT_OUTPUT), OPT(OPT_DB) | OPT(OPT_OUTPUT),
	  { [OPT_OUTPUT] = "文件夹" },
	  "把公示栏导出为静态网页（大厅屏幕、手机浏览，不需要网络）", cmd_export_board },
	{ "export", "meeting-notice", DOC_OPTS | OPT(OPT_MEETING), MEETING_REQ, PAPER_ARGS,
	  "会议通知：已张贴的按张贴的样子，未张贴的按今天张贴的样子（不编文号）", cmd_export_doc },
	{ "export", "signin", DOC_OPTS | OPT(OPT_MEETING) | OPT(OPT_SORT), MEETING_REQ, PAPER_ARGS,
	  "会前印制签到表（按应到名单，另附列席人员签到表）", cmd_export_doc },
	{ "export", "ballots", DOC_OPTS | OPT(OPT_MEETING) | BALLOT_OPTS, MEETING_REQ, PAPER_ARGS,
	  "会前印制无记名投票的表决票（或记名表决票），几张一页带裁剪线", cmd_export_doc },
	{ "export", "agenda", DOC_OPTS | OPT(OPT_MEETING), MEETING_REQ, PAPER_ARGS,
	  "会议议程", cmd_export_doc },
	{ "export", "script", DOC_OPTS | OPT(OPT_MEETING) | OPT(OPT_METHOD), MEETING_REQ, PAPER_ARGS,
	  "主持词：按议程生成，含法定人数和每项表决的规则", cmd_export_doc },
	{ "export", "dossier", DOC_OPTS | OPT(OPT_PROPOSAL), OPT(OPT_DB) | OPT(OPT_PROPOSAL),
	  { [OPT_FORMAT] = "pdf|html|txt", [OPT_OUTPUT] = "文件" },
	  "一事一档：一个议题从提议到归档的全部档案（封面、目录、提议、各次会议的出席与发言和表决、"
	  "公示、实施、异议、附件及其 SM3 摘要、会议记录的签字摘要），可直接打印归档", cmd_export_doc },
	{ "export", "attachment", OPT(OPT_DB) | OPT(OPT_ID) | OPT(OPT_OUTPUT), OPT(OPT_DB) | OPT(OPT_ID),
	  { [OPT_OUTPUT] = "文件或文件夹" },
	  "把一个附件原样写回文件（默认用附件原来的文件名）", cmd_export_attachment },
	{ "export", "chronicle", DOC_OPTS | OPT(OPT_YEAR), OPT(OPT_DB) | OPT(OPT_YEAR), PAPER_ARGS,
	  "一年的大事记（归档用）：召开的会议、作出的决议、张贴的公示、办结的议题和手写的条目，按月排列",
	  cmd_export_doc },
	{ "export", "notes", DOC_OPTS | OPT(OPT_YEAR), OPT(OPT_DB) | OPT(OPT_YEAR), PAPER_ARGS,
	  "一年的书记手记，按日期排列，注明关联的会议和议题", cmd_export_doc },
	{ "print", "minutes", OPT(OPT_DB) | OPT(OPT_MEETING) | OPT(OPT_PRINTER),
	  OPT(OPT_DB) | OPT(OPT_MEETING), { 0 },
	  "用 CUPS 打印会议记录（程序自己生成的 PDF）", cmd_print },
	{ "print", "notice", OPT(OPT_DB) | OPT(OPT_PROPOSAL) | OPT(OPT_KIND) | OPT(OPT_INTERNAL) |
	  OPT(OPT_PRINTER), OPT(OPT_DB) | OPT(OPT_PROPOSAL), { [OPT_KIND] = "decision|result" },
	  "用 CUPS 打印公示", cmd_print },
	{ "print", "meeting-notice", OPT(OPT_DB) | OPT(OPT_MEETING) | OPT(OPT_PRINTER), MEETING_REQ,
	  PAPER_ARGS, "打印会议通知", cmd_print },
	{ "print", "signin", OPT(OPT_DB) | OPT(OPT_MEETING) | OPT(OPT_SORT) | OPT(OPT_PRINTER),
	  MEETING_REQ, PAPER_ARGS, "打印签到表", cmd_print },
	{ "print", "ballots", OPT(OPT_DB) | OPT(OPT_MEETING) | BALLOT_OPTS | OPT(OPT_PRINTER),
	  MEETING_REQ, PAPER_ARGS, "打印表决票", cmd_print },
	{ "print", "agenda", OPT(OPT_DB) | OPT(OPT_MEETING) | OPT(OPT_PRINTER), MEETING_REQ,
	  PAPER_ARGS, "打印会议议程", cmd_print },
	{ "print", "script", OPT(OPT_DB) | OPT(OPT_MEETING) | OPT(OPT_METHOD) | OPT(OPT_PRINTER),
	  MEETING_REQ, PAPER_ARGS, "打印主持词", cmd_print },
	{ "print", "dossier", OPT(OPT_DB) | OPT(OPT_PROPOSAL) | OPT(OPT_PRINTER),
	  OPT(OPT_DB) | OPT(OPT_PROPOSAL), { 0 }, "用 CUPS 打印一事一档（图片附件随之印出）", cmd_print },
	{ "print", "chronicle", OPT(OPT_DB) | OPT(OPT_YEAR) | OPT(OPT_PRINTER), OPT(OPT_DB) | OPT(OPT_YEAR),
	  PAPER_ARGS, "打印一年的大事记", cmd_print },
	{ "stats", NULL, OPT(OPT_DB) | OPT(OPT_YEAR) | OPT(OPT_PERIOD) | OPT(OPT_FORMAT) | OPT(OPT_OUTPUT) |
	  OPT(OPT_GB18030), OPT(OPT_DB), { [OPT_FORMAT] = "pdf|xlsx|html|txt", [OPT_OUTPUT] = "文件" },
	  "统计、年度台账：会议（按类型、按月，出席率）、议题（按类别、步骤、结果，办理用时）、议事协商会、"
	  "民情日记；不给 -o 和 --format 时以纯文本显示", cmd_stats },
	{ "search", NULL, OPT(OPT_DB), OPT(OPT_DB), { [ARG_OPERAND] = "字词" },
	  "检索全部记录（议题、会议及其发言、公示、民情日记、书记手记、大事记、人员）：每行一条，以制表符分隔：种类、日期、"
	  "标题（发言为会议编号和发言人）、所在的文字；几个词用空格隔开时须都有；没有找到时退出状态为 1",
	  cmd_search },
	{ "list", "meetings", OPT(OPT_DB), OPT(OPT_DB), { 0 }, LIST_HELP, cmd_list },
	{ "list", "proposals", OPT(OPT_DB), OPT(OPT_DB), { 0 }, LIST_HELP, cmd_list },
	{ "list", "notices", OPT(OPT_DB), OPT(OPT_DB), { 0 }, LIST_HELP, cmd_list },
	{ "list", "diary", OPT(OPT_DB) | OPT(OPT_STATE), OPT(OPT_DB), { [OPT_STATE] = "open|answered|overdue" },
	  "列出民情日记，最新的在前，每条一行：编号、日期、反映人、网格、地点、类别、紧急程度、状态、事项、"
	  "转为的议题", cmd_list_diary },
	{ "list", "attachments", OPT(OPT_DB) | OPT(OPT_PROPOSAL) | OPT(OPT_MEETING) | OPT(OPT_NOTICE),
	  OPT(OPT_DB), { 0 },
	  "列出附件（或某个议题、会议、公示的附件）：编号、所属、说明、类型、大小、添加日期、SM3 摘要",
	  cmd_list_attachments },
	{ "attach", NULL, OPT(OPT_DB) | OPT(OPT_PROPOSAL) | OPT(OPT_MEETING) | OPT(OPT_NOTICE) |
	  OPT(OPT_TITLE), OPT(OPT_DB), { [ARG_OPERAND] = "文件" },
	  "给议题、会议或公示附上一个扫描件或照片（签字的签到表、会议记录，张贴的公示，验收报告；"
	  "PNG、JPEG、PDF 等，最大 20 MB），记下它的 SM3 摘要；三者选一：--proposal、--meeting 或 --notice",
	  cmd_attach },
};
const size_t cli_command_count = YS_ARRAY_LEN(cli_commands);

/* ---- the environment (every getenv() of the program) --------------------------- */

const struct cli_envvar cli_env[] = {
	{ "XDG_DATA_HOME", NULL,
	  "默认数据库在 $XDG_DATA_HOME/yishiting/yishiting.db" },
	{ "HOME", NULL,
	  "未设置 XDG_DATA_HOME 时，默认数据库在 ~/.local/share/yishiting/yishiting.db；"
	  "没有 XDG_DOCUMENTS_DIR 和 xdg-user-dir 时，导出的默认文件夹是 ~/Documents/议事厅" },
	{ "XDG_DOCUMENTS_DIR", NULL,
	  "导出的默认文件夹是 $XDG_DOCUMENTS_DIR/议事厅；未设置时问 xdg-user-dir（如 ~/文档）。"
	  "设置 export_dir（上次导出到的文件夹）优先" },
	{ "USER", NULL,
	  "在议题看板上按 B 备份时，先提供 /media/$USER/ 下插着的 U 盘（没有设置过备份文件夹时）" },
	{ "TMPDIR", NULL,
	  "打印时生成 PDF 的临时文件夹所在（默认 /tmp）；打印后删除" },
	{ "NO_COLOR", NULL, "设置（非空）时不用颜色，同 --mono" },
	{ "TERM", NULL, "终端的类型，ncurses 据此画屏" },
	{ "LC_ALL、LC_CTYPE、LANG", NULL, "需要 UTF-8 区域（如 zh_CN.UTF-8）；都没有设置（C、POSIX）时按 C.UTF-8；"
	  "设为 GB18030、GBK 等别的编码时程序不启动，用那种编码和 UTF-8 各说一遍该怎么设置" },
	{ "YISHITING_AMBIWIDTH", "2", "把“”…—等宽度不定的字符按两列计算（默认一列），"
	  "用于把它们画成两列宽的终端" },
	{ "YISHITING_TITLE_FONT", "字体名", "PDF 标题的字体（fontconfig 字体名，如机器上装的某种小标宋；"
	  "默认 Noto Serif CJK SC；没有中文字形的字体退回 Noto CJK，不会印出方框）" },
	{ "YISHITING_BODY_FONT", "字体名", "PDF 正文的字体（如某种仿宋；默认同上）" },
	{ "YISHITING_NOW", "\"2026-11-22 14:05\"", "固定程序的时钟（测试用）" },
	{ "YISHITING_FRAME_MARK", "1", "每画完一屏输出一个终端不显示的标记（ESC ] 7775 ; f BEL），"
	  "供 make bench 通过伪终端测速" },
};
const size_t cli_env_count = YS_ARRAY_LEN(cli_env);

const char cli_summary[] = "议事厅：社区“四议两公开”议事协商的会议记录与表决程序。";
const char cli_exit_status[] =
	"0 完成。\n"
	"1 失败，原因写在标准错误上（如数据库文件不存在、打印机不可用、核对发现改动）。\n"
	"2 用法不对（不认识的命令或选项、缺少参数、命令不用的选项）。";

/* ---- parsing ------------------------------------------------------------------ */

const char *cli_command_label(const struct cli_command *c, char *buf, size_t len)
{
	if (!c || !c->name)
		snprintf(buf, len, "yishiting");
	else if (c->sub)
		snprintf(buf, len, "%s %s", c->name, c->sub);
	else
		snprintf(buf, len, "%s", c->name);
	return buf;
}

/* after a usage error: the synopsis of the command c, or of every
 * command called group, or the short usage */
static void usage_tail(const struct cli_command *c, const char *group)
{
	const char *lead = "用法：";
	for (size_t i = 0; !c && group && i < cli_command_count; i++) {
		const struct cli_command *k = &cli_commands[i];
		if (k->name && strcmp(k->name, group) == 0 && cli_command_shown(k)) {
			char *syn = cli_synopsis_text(k);
			fprintf(stderr, "%s%s\n", lead, syn);
			free(syn);
			lead = "      ";
		}
	}
	if (c) {
		char *syn = cli_synopsis_text(c);
		fprintf(stderr, "用法：%s\n", syn);
		free(syn);
	} else if (!group) {
		cli_usage_short(stderr);
	}
	fputs("（yishiting --help 显示全部用法，man yishiting 是完整的说明）\n", stderr);
}

static int usage_error(const struct cli_command *c, const char *group, const char *fmt,
                       va_list ap)
{
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	usage_tail(c, group);
	return 2;
}

int cli_usage_error(const struct cli_command *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	usage_error(c, NULL, fmt, ap);
	va_end(ap);
	return 2;
}

/* a usage error about the commands called group */
static int group_error(const char *group, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static int group_error(const char *group, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	usage_error(NULL, group, fmt, ap);
	va_end(ap);
	return 2;
}

/* the option named by a (its name or alias); *value points after "=" when
 * a long option came as --name=value */
static int find_option(const char *a, const char **value)
{
	*value = NULL;
	for (int o = 0; o < OPT_COUNT; o++) {
		const char *names[2] = { cli_options[o].name, cli_options[o].alias };
		for (int k = 0; k < 2; k++) {
			const char *n = names[k];
			size_t len = n ? strlen(n) : 0;
			if (!n)
				continue;
			if (strcmp(a, n) == 0)
				return o;
			if (len > 2 && strncmp(a, n, len) == 0 && a[len] == '=') {
				*value = a + len + 1;
				return o;
			}
		}
	}
	return -1;
}

static int has_subs(const char *name)
{
	for (size_t i = 0; i < cli_command_count; i++)
		if (cli_commands[i].name && strcmp(cli_commands[i].name, name) == 0 && cli_commands[i].sub)
			return 1;
	return 0;
}

/* "a、b 或 c" of the sub-commands of name (or of the commands, name NULL) */
static void list_words(const char *name, const char *sep_last, struct strbuf *sb)
{
	const char *w[32];
	int n = 0;
	for (size_t i = 0; i < cli_command_count && n < 32; i++) {
		const struct cli_command *c = &cli_commands[i];
		const char *word = name ? (c->name && strcmp(c->name, name) == 0 ? c->sub : NULL) : c->name;
		int seen = 0;
		for (int k = 0; word && k < n; k++)
			seen |= strcmp(w[k], word) == 0;
		if (word && !seen)
			w[n++] = word;
	}
	for (int k = 0; k < n; k++) {
		if (k)
			sb_add(sb, k == n - 1 ? sep_last : "、");
		sb_add(sb, w[k]);
	}
}

/* the command the words name; NULL after saying why (usage error) */
static const struct cli_command *find_command(const char *const *word, int nword,
                                              const char **operand)
{
	struct strbuf sb = { 0 };
	if (nword == 0)
		return &cli_commands[0];
	const char *name = word[0];
	int known = 0;
	for (size_t i = 0; i < cli_command_count; i++)
		known |= cli_commands[i].name && strcmp(cli_commands[i].name, name) == 0;
	if (!known) {
		list_words(NULL, "、", &sb);
		cli_usage_error(NULL, "不认识的命令：%s（命令有 %s）", name, sb.s);
		sb_free(&sb);
		return NULL;
	}
	int subs = has_subs(name);
	if (subs && nword < 2) {
		list_words(name, " 或 ", &sb);
		group_error(name, "%s 后面要写是哪一种：%s。", name, sb.s);
		sb_free(&sb);
		return NULL;
	}
	for (size_t i = 0; i < cli_command_count; i++) {
		const struct cli_command *c = &cli_commands[i];
		if (!c->name || strcmp(c->name, name) != 0)
			continue;
		if (subs && strcmp(c->sub, word[1]) != 0)
			continue;
		int base = subs ? 2 : 1;
		if (c->arg[ARG_OPERAND] && nword == base) {
			char label[64];
			cli_usage_error(c, "%s 后面要写%s。", cli_command_label(c, label, sizeof label), c->arg[ARG_OPERAND]);
			return NULL;
		}
		if (nword > base + (c->arg[ARG_OPERAND] != NULL)) {
			cli_usage_error(c, "多余的参数：%s", word[base + (c->arg[ARG_OPERAND] != NULL)]);
			return NULL;
		}
		*operand = c->arg[ARG_OPERAND] ? word[base] : NULL;
		return c;
	}
	list_words(name, "、", &sb);
	group_error(name, "不认识的 %s 种类：%s（可以是 %s）", name, word[1], sb.s);
	sb_free(&sb);
	return NULL;
}

int cli_main(int argc, char **argv)
{
	struct cli_args a;
	const char *word[4];
	int nword = 0;
	char bad[512] = "";        /* the first thing wrong, said once the command is known */
	const char *extra = NULL;  /* a word past those a command can have */

	memset(&a, 0, sizeof a);
	for (int i = 1; i < argc; i++) {
		const char *s = argv[i];
		if (s[0] != '-' || s[1] == '\0') {
			if (nword < 3)
				word[nword++] = s;
			else if (!extra)
				extra = s;
			continue;
		}
		const char *value;
		int o = find_option(s, &value);
		if (o < 0) {
			if (!*bad)
				snprintf(bad, sizeof bad, "不认识的参数：%s", s);
			continue;
		}
		const struct cli_option *op = &cli_options[o];
		if (!op->arg) {
			if (value && !*bad)
				snprintf(bad, sizeof bad, "%s 不带参数（写作 %s）。", op->name, op->name);
			a.opt[o] = "";
		} else if (value) {
			a.opt[o] = value;
		} else if (i + 1 < argc) {
			a.opt[o] = argv[++i];
		} else if (!*bad) {
			snprintf(bad, sizeof bad, "%s 后面缺少%s%s%s%s。", s, op->arg,
			         op->hint ? "（" : "", op->hint ? op->hint : "", op->hint ? "）" : "");
		}
	}
	/* --help and --version answer whatever else is there */
	if (a.opt[OPT_HELP]) {
		cli_usage(stdout);
		return 0;
	}
	if (a.opt[OPT_VERSION]) {
		printf("议事厅 yishiting %s（数据库结构版本 %d）\n", YS_VERSION, store_latest_version());
		return 0;
	}
	const struct cli_command *c = find_command(word, nword, &a.operand);
	if (!c)
		return 2;
	if (extra)
		return cli_usage_error(c, "多余的参数：%s", extra);
	if (*bad)
		return cli_usage_error(c, "%s", bad);
	a.cmd = c;

	char label[64];
	cli_command_label(c, label, sizeof label);
	for (int o = 0; o < OPT_COUNT; o++) {
		if (!a.opt[o] || o == OPT_HELP || o == OPT_VERSION)
			continue;
		if (!(c->takes & OPT(o)))
			return cli_usage_error(c, "%s 不用 %s 参数。", label, cli_options[o].name);
	}
	for (int o = 0; o < OPT_COUNT; o++) {
		if (!(c->required & OPT(o)) || a.opt[o])
			continue;
		const struct cli_option *op = &cli_options[o];
		if (c->arg[o])
			return cli_usage_error(c, "%s 需要 %s %s。", label, op->name, c->arg[o]);
		return cli_usage_error(c, "%s 需要 %s %s%s%s%s。", label, op->name, op->arg,
		                       op->hint ? "（" : "", op->hint ? op->hint : "", op->hint ? "）" : "");
	}
	if (cli_setup_locale() != 0)
		return 2;
	return c->run(&a);
}
