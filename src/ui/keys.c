/* keys.c: the key table — every action reachable by a letter, with its hint
 * and help text; dispatch, the hint bar, the help screen and the manual
 * are all made from it. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "ui_int.h"
#include "base/util.h"

/* The key table: every action reachable by a letter (F-keys are unreliable
 * in some terminals); the hint bar and the help screen are made from it. */
const struct keydef ui_keys[] = {
	/* everywhere */
	{ SCR_ANY, -1, K_HELP, '?', KC(KEY_F(1)), "F1/?", "帮助", "显示本屏幕的全部按键" },
	{ SCR_ANY, -1, K_TAB_BOARD, '1', 0, "1", NULL, "议题看板：按步骤排列的全部议题" },
	{ SCR_ANY, -1, K_TAB_MEETINGS, '2', 0, "2", NULL, "会议：新建会议、进入会议签到、记录、表决" },
	{ SCR_ANY, -1, K_TAB_ROSTER, '3', 0, "3", NULL, "花名册：人员、身份、网格楼栋" },
	{ SCR_ANY, -1, K_TAB_RULES, '4', 0, "4", NULL, "表决规则：法定人数与通过比例及其依据" },
	{ SCR_ANY, -1, K_TAB_NOTICES, '5', 0, "5", NULL, "公示栏：公示期、剩余天数、异议及答复" },
	{ SCR_ANY, -1, K_TAB_DIARY, '6', 0, "6", NULL, "民情日记：居民反映的诉求、办理和答复，可转为议题" },
	{ SCR_ANY, -1, K_TAB_NOTES, '7', 0, "7", NULL, "手记：书记手记和一年的大事记" },
	{ SCR_ANY, -1, K_TAB_STATS, '8', 0, "8", NULL, "统计：年度台账，会议、议题、议事协商、民情日记的数字和图表" },
	{ SCR_ANY, -1, K_FIND, '/', 0, "/", "检索",
	  "检索全部记录：议题、会议及其发言、公示、民情日记、书记手记、大事记、人员（两个字也行，如「电梯」；"
	  "Enter 打开）" },
	{ SCR_ANY, -1, K_UP, KC(KEY_UP), 'k', "↑/k", NULL, "上移" },
	{ SCR_ANY, -1, K_DOWN, KC(KEY_DOWN), 'j', "↓/j", NULL, "下移" },
	{ SCR_ANY, -1, K_PGUP, KC(KEY_PPAGE), 0, "PgUp", NULL, "上一页" },
	{ SCR_ANY, -1, K_PGDN, KC(KEY_NPAGE), 0, "PgDn", NULL, "下一页" },
	{ SCR_ANY, -1, K_HOME, KC(KEY_HOME), 'g', "Home/g", NULL, "到最前" },
	{ SCR_ANY, -1, K_END, KC(KEY_END), 'G', "End/G", NULL, "到最后" },
	/* 议题看板 */
	{ SCR_BOARD, -1, K_LEFT, KC(KEY_LEFT), 'h', "←/h", NULL, "左一列" },
	{ SCR_BOARD, -1, K_RIGHT, KC(KEY_RIGHT), 'l', "→/l", NULL, "右一列" },
	{ SCR_BOARD, -1, K_OPEN, '\r', KC(KEY_ENTER), "Enter", "档案", "打开议题档案：内容、提议人和每一步的记录" },
	{ SCR_BOARD, -1, K_NEW, 'n', KC(KEY_F(2)), "F2/n", "新议题", "登记一个新议题（提议）" },
	{ SCR_BOARD, -1, K_NEXT_PAGE, '\t', 0, "Tab", "后续", "在 提议至决议 与 公开、实施、归档、终止 两页之间切换" },
	{ SCR_BOARD, -1, K_ADVANCE, 'a', 0, "a", "推进", "已决议的议题：决议公开（先看公示全文，再编号张贴）、实施、实施结果公开、归档；光标随议题移动" },
	{ SCR_BOARD, -1, K_WITHDRAW, 'w', 0, "w", "撤回", "提议人撤回议题（须说明理由）" },
	{ SCR_BOARD, -1, K_PROGRESS, 'r', 0, "r", NULL, "实施中的议题：记录一条实施进展（日期按实际）" },
	{ SCR_BOARD, -1, K_EXPORT, 'x', 0, "x", NULL, "导出全部决议的数据：CSV（Excel、WPS 可直接打开）或 JSON" },
	{ SCR_BOARD, -1, K_PREVIEW, 'p', KC(KEY_F(5)), "F5/p", NULL, "预览、导出、打印本议题的公示" },
	{ SCR_BOARD, -1, K_BACKUP, 'B', 0, "B", NULL, "把数据库备份到 U 盘或别的文件夹（程序开着也能备份；做好后先核对，只保留最新 10 份）" },
	/* 议题档案 */
	{ SCR_DOSSIER, -1, K_BACK, 27, KC(KEY_LEFT), "Esc", "返回", "回到上一屏" },
	{ SCR_DOSSIER, -1, K_ADVANCE, 'a', 0, "a", "推进", "决议公开（先看公示全文，再编号张贴）、实施、实施结果公开、归档" },
	{ SCR_DOSSIER, -1, K_WITHDRAW, 'w', 0, "w", "撤回", "提议人撤回议题（须说明理由）" },
	{ SCR_DOSSIER, -1, K_PROGRESS, 'r', 0, "r", "进展", "实施中的议题：记录一条实施进展（日期按实际）" },
	{ SCR_DOSSIER, -1, K_PREVIEW, 'p', KC(KEY_F(5)), "F5/p", "公示", "预览、导出、打印本议题的公示" },
	{ SCR_DOSSIER, -1, K_DOSSIER, 'b', 0, "b", "一事一档", "本议题的一事一档：封面、目录、提议、各次会议的出席发言和表决、"
	  "公示、实施、异议、附件（图片附后）、签字摘要；预览后导出 PDF 或打印归档" },
	{ SCR_DOSSIER, -1, K_EDIT, 'e', 0, "e", "修改", "修改议题的标题、内容、提议日期、提议人、来源、类别、网格、楼栋"
	  "（会议记录签字确认后须写明更正理由）" },
	{ SCR_DOSSIER, -1, K_HISTORY, 'h', 0, "h", NULL, "本议题的修改记录：改了什么、谁改的、何时、理由" },
	/* 会议 */
	{ SCR_MEETINGS, -1, K_OPEN, '\r', KC(KEY_ENTER), "Enter", "进入", "进入会议：签到、记录发言、表决" },
	{ SCR_MEETINGS, -1, K_NEW, 'n', KC(KEY_F(3)), "F3/n", "新会议", "新建会议：类型、时间、地点、主持、记录、议程" },
	{ SCR_MEETINGS, -1, K_PREVIEW, 'p', KC(KEY_F(5)), "F5/p", "记录", "预览、导出、打印所选会议的会议记录" },
	{ SCR_MEETINGS, -1, K_PAPERS, 'm', 0, "m", "会前材料", "所选会议的会议通知（预览后张贴）、签到表、表决票、议程、主持词：预览、导出、打印" },
	{ SCR_MEETINGS, -1, K_EDIT, 'e', 0, "e", "修改", "修改所选会议的名称、日期、时间、地点、主持人、记录人（签字确认前）" },
	{ SCR_MEETINGS, -1, K_POSTPONE, 'y', 0, "y", NULL, "延期：尚未召开的会议改到新的日期（须写明理由）" },
	{ SCR_MEETINGS, -1, K_CANCEL, 'c', 0, "c", NULL, "取消：尚未召开的会议不再召开（须写明理由），议题可另行安排" },
	{ SCR_MEETINGS, -1, K_DELETE, 'd', 0, "d", NULL, "删除从未召开、误建的会议" },
	{ SCR_MEETINGS, -1, K_HISTORY, 'h', 0, "h", NULL, "所选会议的修改记录：改了什么、谁改的、何时、理由" },
	/* 会议进行中 */
	{ SCR_LIVE, -1, K_BACK, 27, 0, "Esc", "返回", "回到会议列表（一切已保存）" },
	{ SCR_LIVE, -1, K_PANE, '\t', 0, "Tab", "签到/记录/表决", "在 签到、记录、表决 三栏之间切换" },
	{ SCR_LIVE, -1, K_LEFT, KC(KEY_LEFT), '[', "←/[", NULL, "上一个议题" },
	{ SCR_LIVE, -1, K_RIGHT, KC(KEY_RIGHT), ']', "→/]", NULL, "下一个议题" },
	{ SCR_LIVE, -1, K_START, 's', 0, "s", "开会", "宣布开会（开始后才能表决）" },
	{ SCR_LIVE, 0, K_SIGN, '\r', ' ', "Enter", "出席", "所选人员签到出席" },
	{ SCR_LIVE, 0, K_LEAVE, 'l', 0, "l", "请假", "所选人员请假（须填原因）" },
	{ SCR_LIVE, 0, K_ABSENT, 'x', 0, "x", "缺席", "所选人员缺席" },
	{ SCR_LIVE, 0, K_UNSIGN, 'u', 0, "u", NULL, "撤销所选人员的签到状态" },
	{ SCR_LIVE, 0, K_OBSERVER, 'o', 0, "o", "列席", "添加列席人员（不计入应到、实到）" },
	{ SCR_LIVE, 0, K_SEARCH, '/', 0, "/", "查找", "按姓名查找签到人员" },
	{ SCR_LIVE, 1, K_MINUTE, 'i', '\r', "i/Enter", "记录发言", "在最后记录一条发言：发言人、摘要（时间见 t）" },
	{ SCR_LIVE, 1, K_MINUTE_FIX, 'r', 0, "r", NULL, "修改所选发言的时间、发言人、内容（签字确认前）" },
	{ SCR_LIVE, 1, K_MINUTE_DELETE, 'd', 0, "d", NULL, "删除所选发言（签字确认前；记入修改记录）" },
	{ SCR_LIVE, 1, K_MINUTE_INSERT, 'a', 0, "a", NULL, "在所选发言之前补记一条漏记的发言" },
	{ SCR_LIVE, 2, K_VOTE, 'v', KC(KEY_F(4)), "F4/v", "表决", "对所选议题表决：举手、无记名（发出、收回、有效、无效，监票人、计票人）或记名" },
	{ SCR_LIVE, 2, K_CLOSE_ITEM, 'c', 0, "c", "结束议题", "结束所选议题：转入下一步、退回、不予采纳或撤回；其他议题可听取后结束" },
	{ SCR_LIVE, 2, K_CORRECT_TALLY, 'k', 0, "k", NULL, "计票更正：票数录错时按纸面更正（须写明理由；"
	  "议题结束前；不是再次表决）" },
	{ SCR_LIVE, -1, K_END_MEETING, 'z', 0, "z", "散会", "宣布散会：记录遗留问题，会议关闭后不能再改" },
	{ SCR_LIVE, -1, K_TIME, 't', 0, "t", NULL, "设定此后签到、发言、表决、议程结论记下的时间："
	  "补录时按纸面记录填写；会议当天空白则按钟点" },
	{ SCR_LIVE, -1, K_PREVIEW, 'p', KC(KEY_F(5)), "F5/p", "记录", "预览、导出、打印会议记录" },
	{ SCR_LIVE, -1, K_PAPERS, 'm', 0, "m", NULL, "本次会议的会议通知、签到表、表决票、议程、主持词：预览、导出、打印" },
	{ SCR_LIVE, -1, K_HISTORY, 'h', 0, "h", NULL, "本次会议的修改记录：改了什么、谁改的、何时、理由" },
	{ SCR_LIVE, -1, K_SEAL, 'f', 0, "f", "签字确认", "散会后由主持人、记录人签字确认：记录封存，不能再改" },
	{ SCR_LIVE, -1, K_ADDENDUM, 'e', 0, "e", "更正", "已签字确认的记录有错：添加更正（须写明理由）" },
	/* 花名册 */
	{ SCR_ROSTER, -1, K_NEW, 'n', KC(KEY_F(2)), "F2/n", "新增", "新增人员" },
	{ SCR_ROSTER, -1, K_EDIT, 'e', '\r', "e/Enter", "修改", "修改所选人员" },
	{ SCR_ROSTER, -1, K_TOGGLE_ACTIVE, 'd', 0, "d", "停用/启用", "停用或恢复所选人员（以往记录不变）" },
	{ SCR_ROSTER, -1, K_IMPORT, 'i', 0, "i", "导入",
	  "从 Excel（.xlsx）或 CSV 导入花名册：先预览各列的对应、有问题的行和重复的人，确认后全部导入" },
	{ SCR_ROSTER, -1, K_EXPORT, 'x', 0, "x", NULL, "把花名册导出为 Excel（.xlsx）或 CSV，改好后可以再导入" },
	{ SCR_ROSTER, -1, K_DELETE, 'X', KC(KEY_DC), "X/Del", NULL,
	  "删除误录的人员（只能删除没有出现在任何提议、签到、发言、表决中的人；不再参加的请停用）" },
	{ SCR_ROSTER, -1, K_SEARCH, 's', 0, "s", NULL, "只列出姓名含某些字的人员（留空则列出全部）" },
	{ SCR_ROSTER, -1, K_FILTER, 'f', 0, "f", "筛选", "按身份筛选" },
	/* 公示栏 */
	{ SCR_NOTICES, -1, K_PREVIEW, '\r', KC(KEY_F(5)), "Enter/F5", "预览", "预览、导出、打印所选公示（公开版）" },
	{ SCR_NOTICES, -1, K_PREVIEW_INTERNAL, 'i', 0, "i", "存档版", "存档版：含异议人及答复，不对外张贴" },
	{ SCR_NOTICES, -1, K_OBJECTION, 'o', 0, "o", "记录异议", "记录公示期内收到的异议" },
	{ SCR_NOTICES, -1, K_ANSWER, 'r', 0, "r", "答复", "答复所选公示的一条异议" },
	{ SCR_NOTICES, -1, K_EXPORT, 'x', 0, "x", "导出网页", "把公示栏导出为网页（大厅屏幕、手机转发用，不需要网络）" },
	/* 统计 */
	{ SCR_STATS, -1, K_LEFT, KC(KEY_LEFT), 'h', "←/h", "上一年", "统计上一年" },
	{ SCR_STATS, -1, K_RIGHT, KC(KEY_RIGHT), 'l', "→/l", "下一年", "统计下一年" },
	{ SCR_STATS, -1, K_PERIOD, 'd', 0, "d", "起止日期", "统计一段时间：填写起始日期和截止日期（两天都算在内）" },
	{ SCR_STATS, -1, K_PREVIEW, 'p', KC(KEY_F(5)), "F5/p", "预览打印", "预览统计报告（带图表），可导出 PDF、打印存档" },
	{ SCR_STATS, -1, K_EXPORT, 'x', 0, "x", "导出", "把统计的每张表导出为 Excel（.xlsx，每张表一页，附图表），或 PDF、网页、文本" },
	{ SCR_STATS, -1, K_NEXT_PAGE, '\t', 0, "Tab", "下一张表", "翻到下一张统计表（到最后一张后回到开头）" },
	/* 表决规则 */
	{ SCR_RULES, -1, K_EDIT, 'e', '\r', "e/Enter", "修改", "修改所选规则（须写明理由，修改留痕）" },
	{ SCR_RULES, -1, K_SETTINGS, 's', 0, "s", "设置", "社区名称与落款、异议电话、公示期天数、材料提前天数、计票两人录入" },
	/* 民情日记 */
	{ SCR_DIARY, -1, K_NEW, 'n', KC(KEY_F(2)), "F2/n", "新增", "记下一条居民反映的诉求（按纸面记录补录时填当时的日期）" },
	{ SCR_DIARY, -1, K_OPEN, '\r', KC(KEY_ENTER), "Enter", "详情", "所选民情日记的全部内容：可导出、打印" },
	{ SCR_DIARY, -1, K_EDIT, 'e', 0, "e", "修改", "修改所选民情日记（改动记入修改记录）" },
	{ SCR_DIARY, -1, K_REPLY, 'r', 0, "r", "答复", "记录给居民的答复、答复日期和办理情况：答复后即为已答复（闭环）" },
	{ SCR_DIARY, -1, K_TO_PROPOSAL, 'p', 0, "p", "转为议题", "需要集体决定的诉求转为议题：新议题表单已按这条民情日记填好，"
	  "保存后议题的来源写明民情日记编号，两边互相关联" },
	{ SCR_DIARY, -1, K_FILTER, 'f', 0, "f", "筛选", "按状态（待答复、已答复、逾期）、网格、类别筛选" },
	{ SCR_DIARY, -1, K_EXPORT, 'x', 0, "x", NULL, "把民情日记导出为 Excel（.xlsx）或 CSV" },
	{ SCR_DIARY, -1, K_HISTORY, 'h', 0, "h", NULL, "所选民情日记的修改记录：改了什么、谁改的、何时" },
	{ SCR_DIARY, -1, K_DELETE, 'X', KC(KEY_DC), "X/Del", NULL, "删除误录的民情日记（已转为议题的不能删除）" },
	{ SCR_DOSSIER, -1, K_DIARY_LINK, 'm', 0, "m", NULL, "本议题来自民情日记时：转到那条民情日记" },
	/* 附件, and the dossier as one paper */
	{ SCR_DOSSIER, -1, K_ATTACH, 'f', 0, "f", "附件", "本议题的附件（验收报告、现场照片等扫描件）：列出、附上、导出、删除" },
	{ SCR_MEETINGS, -1, K_ATTACH, 'f', 0, "f", "附件", "所选会议的附件（签字的签到表、签字的会议记录等扫描件）：列出、附上、导出、删除" },
	{ SCR_NOTICES, -1, K_ATTACH, 'f', 0, "f", "附件", "所选公示的附件（张贴的公示照片等）：列出、附上、导出、删除" },
	{ SCR_ATTACH, -1, K_BACK, 27, KC(KEY_LEFT), "Esc", "返回", "回到上一屏" },
	{ SCR_ATTACH, -1, K_NEW, 'a', 0, "a", "附上文件", "附上一个扫描件或照片：写出文件的路径和说明（PNG、JPEG、PDF 等，最大 20 MB）" },
	{ SCR_ATTACH, -1, K_EXPORT, 'x', 0, "x", "导出", "把所选附件原样写回文件（用它原来的文件名）" },
	{ SCR_ATTACH, -1, K_DELETE, 'd', 0, "d", "删除", "删除误附的附件（须写明理由，记入修改记录）" },
	/* 手记: two pages, 书记手记 and 大事记 */
	{ SCR_NOTES, -1, K_NEXT_PAGE, '\t', 0, "Tab", "手记/大事记", "在 书记手记 与 大事记 两页之间切换" },
	{ SCR_NOTES, -1, K_OPEN, '\r', KC(KEY_ENTER), "Enter", "详情",
	  "书记手记：打开所选手记，看全文和关联的会议、议题；在详情中按 Enter 转到所选的会议或议题。"
	  "大事记：转到所选条目的会议或议题档案，手写的条目则修改" },
	{ SCR_NOTES, -1, K_BACK, 27, 0, "Esc", "返回", "从手记详情回到列表" },
	{ SCR_NOTES, -1, K_NEW, 'n', KC(KEY_F(2)), "F2/n", "新建", "书记手记：写一篇手记（日期可以是以前的）；大事记：添加一条手写的大事（检查、表彰、换届等）" },
	{ SCR_NOTES, -1, K_HIDE, 'h', 0, "h", "隐藏", "大事记：所选的由会议、决议、公示、归档生成的一行不写入大事记（再按一次恢复；不删除任何记录）" },
	{ SCR_NOTES, -1, K_PREVIEW, 'p', KC(KEY_F(5)), "F5/p", "打印", "预览、导出、打印本年的大事记（在书记手记页为本年的书记手记）" },
	{ SCR_NOTES, -1, K_SHOW_HIDDEN, 's', 0, "s", NULL, "大事记：显示或不显示已隐藏的行（显示时为暗色）" },
	{ SCR_NOTES, -1, K_EDIT, 'e', 0, "e", "修改", "修改所选的手记，或所选的手写大事记条目" },
	{ SCR_NOTES, -1, K_DELETE, KC(KEY_DC), 'd', "Del/d", "删除", "删除所选的手记，或所选的手写大事记条目（先确认；记入修改记录）" },
	{ SCR_NOTES, -1, K_LEFT, KC(KEY_LEFT), '[', "←/[", NULL, "上一年" },
	{ SCR_NOTES, -1, K_RIGHT, KC(KEY_RIGHT), ']', "→/]", NULL, "下一年" },
	{ SCR_NOTES, -1, K_YEAR, 'y', 0, "y", "年份", "选择年份（有手记、大事记或会议的年份）" },
	/* the tab screens quit; detail screens go back */
	{ SCR_ANY, -1, K_QUIT, 'q', KC(KEY_F(10)), "q", "退出", "退出议事厅（所有内容均已保存）" },
};
const size_t ui_key_count = YS_ARRAY_LEN(ui_keys);

static int key_matches(const struct keydef *k, int screen, int pane, int key)
{
	if (k->screen != SCR_ANY && k->screen != screen)
		return 0;
	if (k->pane >= 0 && k->pane != pane)
		return 0;
	return k->key == key || (k->key2 && k->key2 == key);
}

int ui_key_action(int screen, int pane, int key)
{
	/* Enter arrives as CR or LF depending on the terminal */
	if (key == '\n')
		key = '\r';
	/* screen rows first, so that a screen may rebind a global key */
	for (size_t i = 0; i < ui_key_count; i++)
		if (ui_keys[i].screen == screen && key_matches(&ui_keys[i], screen, pane, key))
			return ui_keys[i].action;
	for (size_t i = 0; i < ui_key_count; i++)
		if (ui_keys[i].screen == SCR_ANY && key_matches(&ui_keys[i], screen, pane, key))
			return ui_keys[i].action;
	return K_NONE;
}

/* the screens' names in the manual */
static const char *const screen_names[SCR_COUNT] = {
	[SCR_BOARD] = "议题看板", [SCR_DOSSIER] = "议题档案", [SCR_MEETINGS] = "会议",
	[SCR_LIVE] = "会议进行中", [SCR_ROSTER] = "花名册", [SCR_RULES] = "表决规则",
	[SCR_NOTICES] = "公示栏", [SCR_DIARY] = "民情日记", [SCR_STATS] = "统计", [SCR_ATTACH] = "附件",
	[SCR_NOTES] = "手记",
};
static const char *const pane_names[] = { "签到", "记录", "表决" };

void ui_keys_each(void (*cb)(const char *screen, const char *key, const char *help, void *arg),
                  void *arg)
{
	for (int scr = 0; scr <= SCR_COUNT; scr++) {
		int want = scr < SCR_COUNT ? scr : SCR_ANY;
		for (size_t i = 0; i < ui_key_count; i++) {
			const struct keydef *k = &ui_keys[i];
			char help[256];
			if (k->screen != want)
				continue;
			if (k->pane >= 0)
				snprintf(help, sizeof help, "%s（%s栏）", k->help, pane_names[k->pane]);
			else
				snprintf(help, sizeof help, "%s", k->help);
			cb(want == SCR_ANY ? "各屏通用" : screen_names[want], k->keyname, help, arg);
		}
	}
}

