<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BasketModel</name>
    <message>
        <location filename="../../ui/widgets/basket.py" line="43" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/basket.py" line="44" />
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/basket.py" line="45" />
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/basket.py" line="46" />
        <source>Off</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/basket.py" line="47" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
</context>
<context>
    <name>CameraScan</name>
    <message>
        <location filename="../../ui/widgets/camera_scan.py" line="45" />
        <source>Scan with the camera</source>
        <translation>用摄像头扫码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/camera_scan.py" line="49" />
        <source>Hold the member's QR code in front of the camera.</source>
        <translation>请把会员二维码对准摄像头。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/camera_scan.py" line="50" />
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
</context>
<context>
    <name>CheckoutScreen</name>
    <message>
        <location filename="../../ui/screens/checkout.py" line="116" />
        <source>Scan card, or number / phone + Enter</source>
        <translation>扫码 / 卡号 / 手机号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="118" />
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="121" />
        <source>No camera</source>
        <translation>无摄像头</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="123" />
        <source>No camera was found on this PC: use the scanner or type the number</source>
        <translation>本机没有摄像头：请用扫码枪或输入卡号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="133" />
        <source>New member (F4)</source>
        <translation>新会员 (F4)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="135" />
        <source>Item code</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="140" />
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="144" />
        <source>Add line (Enter)</source>
        <translation>添加 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="153" />
        <source> points</source>
        <translation> 积分</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="155" />
        <source>Use points (F9)</source>
        <translation>用积分 (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="159" />
        <source>Money off the chosen line (the last one unless you pick another)</source>
        <translation>所选商品行减免的金额（默认最后一行，可在清单中另选）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="171" />
        <source>Complete sale (F12)</source>
        <translation>完成结账 (F12)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="173" />
        <source>New customer (Esc)</source>
        <translation>下一位顾客 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="174" />
        <source>Refund (F7)</source>
        <translation>退款 (F7)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="196" />
        <source>Pay with points</source>
        <translation>积分抵扣</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="199" />
        <source>Line discount (F5)</source>
        <translation>单品折扣 (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="201" />
        <source>Order discount (F6)</source>
        <translation>整单折扣 (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="427" />
        <source>That was a payment code ({kind}), not a member card or an item.</source>
        <translation>这是付款码（{kind}），不是会员码，也不是商品条码。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="324" />
        <source>Several members match: choose one and press Enter.</source>
        <translation>有多位会员匹配：请选择一位后按回车。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="365" />
        <source>Completing the sale: wait a moment.</source>
        <translation>正在完成结账，请稍候。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="404" />
        <source>{sku} is sold at its catalogue price {price}.</source>
        <translation>{sku} 按目录价 {price} 销售。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="442" />
        <source> — type its price</source>
        <translation> — 请输入单价</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="437" />
        <source>Returns go through Refund (F7) with a manager.</source>
        <translation>退货请用“退款 (F7)”，需店长确认。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="457" />
        <source>Type an item code and its price.</source>
        <translation>请输入商品编码和单价。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="476" />
        <source>Ring up an item first, then give it a discount.</source>
        <translation>请先录入商品，再给它打折。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="503" />
        <source>No reward on Alt+{number}.</source>
        <translation>Alt+{number} 没有对应的兑换礼品。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="509" />
        <source>{name} needs {points} points; the member can spend {spendable}.</source>
        <translation>{name} 需要 {points} 积分；该会员可用 {spendable} 积分。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="557" />
        <source>The basket from before is back (Esc clears it).</source>
        <translation>之前未完成的购物清单已恢复（按 Esc 清空）。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="604" />
        <source>The total is ready: check it and press F12.</source>
        <translation>金额已算好：请核对后按 F12。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="626" />
        <source>Lines: {count}</source>
        <translation>共 {count} 行</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="631" />
        <source>Subtotal {amount}</source>
        <translation>小计 {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="634" />
        <source>Tier discount −{amount}</source>
        <translation>等级折扣 −{amount}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="640" />
        <source>Discount −{amount}</source>
        <translation>折扣 −{amount}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="647" />
        <source>{points} points pay −{amount}</source>
        <translation>{points} 积分抵 −{amount}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="656" />
        <source>To pay {amount} {currency}</source>
        <translation>应付 {amount} {currency}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="661" />
        <source>Earns {earned} points · balance after {points}</source>
        <translation>本单得 {earned} 积分 · 结账后余额 {points}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="678" />
        <source>An item is typed but not added: Enter adds it, or clear it.</source>
        <translation>有商品已输入但未添加：按 Enter 添加，或清除它。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="684" />
        <source>A line discount is typed but not taken: press Enter on it.</source>
        <translation>单品折扣已输入但未生效：请在该栏按 Enter。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="690" />
        <source>Scan the member's card first.</source>
        <translation>请先扫描会员卡。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="695" />
        <source>Working out the total: press F12 again when it shows.</source>
        <translation>正在计算金额：显示后请再按一次 F12。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="714" />
        <source>Sale {sale} done: paid {paid} {currency}, earned {earned}, redeemed {redeemed}; balance {points} points, tier {tier}.</source>
        <translation>单号 {sale} 已完成：实付 {paid} {currency}，获得 {earned} 积分，使用 {redeemed} 积分；余额 {points} 积分，等级 {tier}。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="739" />
        <source> — F4 enrols a new member</source>
        <translation> — 按 F4 登记新会员</translation>
    </message>
</context>
<context>
    <name>ConsolePages</name>
    <message>
        <location filename="../../ui/console/pages.py" line="36" />
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/console/pages.py" line="38" />
        <source>Programme</source>
        <translation>积分方案</translation>
    </message>
</context>
<context>
    <name>ConsoleScreen</name>
    <message>
        <location filename="../../ui/console/screen.py" line="44" />
        <source>Back to the till (F11)</source>
        <translation>返回收银台 (F11)</translation>
    </message>
</context>
<context>
    <name>EnrolPanel</name>
    <message>
        <location filename="../../ui/widgets/enrol_panel.py" line="52" />
        <source>New member</source>
        <translation>新会员</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/enrol_panel.py" line="58" />
        <source>YYYY-MM-DD (optional)</source>
        <translation>YYYY-MM-DD（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/enrol_panel.py" line="60" />
        <source>Agrees to receive offers</source>
        <translation>同意接收优惠信息</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/enrol_panel.py" line="62" />
        <source>Enrol (Enter)</source>
        <translation>登记 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/enrol_panel.py" line="64" />
        <source>Skip (Esc)</source>
        <translation>跳过 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/enrol_panel.py" line="71" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/enrol_panel.py" line="72" />
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/enrol_panel.py" line="73" />
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/enrol_panel.py" line="141" />
        <source>Member {number} enrolled, but the card could not be drawn: {why}</source>
        <translation>会员 {number} 已登记，但无法生成会员卡：{why}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/enrol_panel.py" line="151" />
        <source> The phone is also on member {others}.</source>
        <translation> 该手机号也登记在会员 {others} 名下。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/enrol_panel.py" line="159" />
        <source>Member {number} enrolled; the card is below.</source>
        <translation>会员 {number} 已登记，会员卡见下方。</translation>
    </message>
</context>
<context>
    <name>FirstAdminScreen</name>
    <message>
        <location filename="../../ui/screens/first_run.py" line="24" />
        <source>Welcome: create the administrator account</source>
        <translation>欢迎：请先创建管理员账号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/first_run.py" line="29" />
        <source>The administrator adds the cashiers and managers later. Choose a PIN of at least 4 digits and keep it safe.</source>
        <translation>管理员之后可以添加收银员和店长。请设置至少 4 位数字的 PIN 码并妥善保管。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/first_run.py" line="40" />
        <source>Create and sign in (Enter)</source>
        <translation>创建并登录 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/first_run.py" line="46" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/screens/first_run.py" line="47" />
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/screens/first_run.py" line="48" />
        <source>PIN again</source>
        <translation>再次输入 PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/screens/first_run.py" line="67" />
        <source>The two PINs differ; type them again.</source>
        <translation>两次输入的 PIN 码不一致，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/first_run.py" line="91" />
        <source>This shop already has staff accounts: sign in instead.</source>
        <translation>本店已有员工账号，请直接登录。</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../ui/console/home.py" line="18" />
        <source>Back office</source>
        <translation>后台管理</translation>
    </message>
    <message>
        <location filename="../../ui/console/home.py" line="22" />
        <source>Choose a page on the left. Everything here is for managers: the programme, products, members, imports, staff, the audit log and backups. F11 takes you back to the till.</source>
        <translation>请在左侧选择页面。这里的一切都供店长使用：会员方案、商品、会员、导入、员工、审计日志和备份。按 F11 返回收银台。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="125" />
        <source>Loyalty till — DEMO</source>
        <translation>会员收银台 — 演示</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125" />
        <source>Loyalty till</source>
        <translation>会员收银台</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130" />
        <source>Sign out (Ctrl+L)</source>
        <translation>退出登录 (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="127" />
        <source>DEMO — sample data, not a real shop</source>
        <translation>演示 — 示例数据，不是真实门店</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="128" />
        <source>Settings (F10)</source>
        <translation>设置 (F10)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="129" />
        <source>Back office (F11)</source>
        <translation>后台管理 (F11)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178" />
        <source>cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179" />
        <source>manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="180" />
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183" />
        <source>Signed in: {name} ({role})</source>
        <translation>已登录：{name}（{role}）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="213" />
        <source>The back office is for managers.</source>
        <translation>后台管理仅供店长使用。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="252" />
        <source>Finish or clear the sale in progress (Esc) before changing the language.</source>
        <translation>请先完成或清空当前这笔销售（Esc），再切换语言。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="314" />
        <source>That was a payment code ({kind}), not a receipt.</source>
        <translation>这是付款码（{kind}），不是小票。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="317" />
        <source>That was a member card, not a receipt.</source>
        <translation>这是会员卡，不是小票。</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="57" />
        <source>No member</source>
        <translation>未选会员</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="58" />
        <source>Scan the member's card or type a number or phone.</source>
        <translation>请扫描会员码，或输入卡号、手机号。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="66" />
        <source>no tier</source>
        <translation>无等级</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="74" />
        <source>Tier: {tier} — {needs} more to {next}</source>
        <translation>等级：{tier} — 再消费 {needs} 升至 {next}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="79" />
        <source>Tier: {tier}</source>
        <translation>等级：{tier}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="80" />
        <source>{points} points</source>
        <translation>{points} 积分</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="83" />
        <source>{points} points expire in the next 30 days</source>
        <translation>{points} 积分将在 30 天内过期</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="90" />
        <source>⚠ Negative balance: points owed from a refund</source>
        <translation>⚠ 积分为负：退货后欠扣的积分</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="92" />
        <source>🎂 Birthday this month</source>
        <translation>🎂 本月生日</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="94" />
        <source>⚠ Member is {status}</source>
        <translation>⚠ 会员状态：{status}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="130" />
        <source>[{key}] {mark} {name} — {points} points ({worth})</source>
        <translation>[{key}] {mark} {name} —— {points} 积分（{worth}）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="138" />
        <source> ✗ needs {more} more points</source>
        <translation> ✗ 还差 {more} 积分</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="142" />
        <source> — chosen</source>
        <translation> —— 已选</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="150" />
        <source>×{times} points</source>
        <translation>积分 ×{times}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="153" />
        <source>+{bonus} bonus points</source>
        <translation>额外赠送 {bonus} 积分</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="154" />
        <source>★ Today: {name}</source>
        <translation>★ 今日活动：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="158" />
        <source> on {categories}</source>
        <translation>（限 {categories}）</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <location filename="../../ui/console/programme_preview.py" line="44" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_preview.py" line="53" />
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_preview.py" line="54" />
        <source>Birthday month</source>
        <translation>生日月</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_preview.py" line="55" />
        <source>The sale is in the member's birthday month</source>
        <translation>消费发生在会员的生日月</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_preview.py" line="65" />
        <source>Sale</source>
        <translation>消费金额</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_preview.py" line="66" />
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_preview.py" line="67" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_preview.py" line="68" />
        <source>Category</source>
        <translation>品类</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_preview.py" line="90" />
        <source>Fix the marked field to see a preview.</source>
        <translation>请先改正标出的项目，才能预览。</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_preview.py" line="136" />
        <source>A {amount} sale by a {tier} member on {day} pays {paid} and earns {points} points.</source>
        <translation>{day}，{tier}会员消费 {amount}，实付 {paid}，获得 {points} 积分。</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_preview.py" line="139" />
        <source>(no tier)</source>
        <translation>（无等级）</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_preview.py" line="145" />
        <source>Campaign: {names}</source>
        <translation>促销活动：{names}</translation>
    </message>
</context>
<context>
    <name>ProgrammeActivity</name>
    <message>
        <location filename="../../ui/console/programme_activity.py" line="15" />
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_activity.py" line="16" />
        <source>review, check_in, referral, birthday…</source>
        <translation>review（评价）、check_in（签到）、referral（推荐）、birthday（生日）…</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_activity.py" line="20" />
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_activity.py" line="23" />
        <source>Times a day</source>
        <translation>每日次数</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_activity.py" line="24" />
        <source>Empty: the usual limit (once; referral 5). Birthday: once a year</source>
        <translation>留空：默认次数（一次；推荐 5 次）。生日：每年一次</translation>
    </message>
</context>
<context>
    <name>ProgrammeCampaigns</name>
    <message>
        <location filename="../../ui/console/programme_campaigns.py" line="26" />
        <source>Campaign</source>
        <translation>促销活动</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_campaigns.py" line="29" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_campaigns.py" line="30" />
        <source>First day, like 2025-01-01</source>
        <translation>开始日期，如 2025-01-01</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_campaigns.py" line="34" />
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_campaigns.py" line="35" />
        <source>Last day, like 2025-12-31</source>
        <translation>结束日期，如 2025-12-31</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_campaigns.py" line="37" />
        <source>Points ×</source>
        <translation>积分倍数</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_campaigns.py" line="38" />
        <source>Bonus</source>
        <translation>加赠积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_campaigns.py" line="41" />
        <source>Weekdays</source>
        <translation>星期</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_campaigns.py" line="42" />
        <source>Like: sat, sun</source>
        <translation>如：sat, sun</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_campaigns.py" line="46" />
        <source>Days of month</source>
        <translation>每月日期</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_campaigns.py" line="47" />
        <source>Like: 8, 18, 28</source>
        <translation>如：8, 18, 28</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_campaigns.py" line="51" />
        <source>Categories</source>
        <translation>品类</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_campaigns.py" line="52" />
        <source>Empty: every category</source>
        <translation>留空：所有品类</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_campaigns.py" line="56" />
        <source>Tiers</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_campaigns.py" line="57" />
        <source>Empty: every tier</source>
        <translation>留空：所有等级</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_campaigns.py" line="61" />
        <source>Birthday month</source>
        <translation>生日月</translation>
    </message>
</context>
<context>
    <name>ProgrammeEditor</name>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="66" />
        <source>Shop name</source>
        <translation>店名</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="67" />
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="68" />
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="69" />
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="70" />
        <source>… for each full</source>
        <translation>……每满</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="71" />
        <source>Minimum order</source>
        <translation>最低消费</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="72" />
        <source>Separate with commas</source>
        <translation>用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="74" />
        <source>Categories earning nothing</source>
        <translation>不积分的品类</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="77" />
        <source>SKUs earning nothing</source>
        <translation>不积分的 SKU</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="79" />
        <source>Add activity</source>
        <translation>添加活动</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="79" />
        <location filename="../../ui/console/programme_editor.py" line="111" />
        <location filename="../../ui/console/programme_editor.py" line="124" />
        <location filename="../../ui/console/programme_editor.py" line="125" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="83" />
        <source>Points expire after (days)</source>
        <translation>积分有效期（天）</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="85" />
        <source>0: never</source>
        <translation>0：永不过期</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="89" />
        <source>Birthday points may be given within (days)</source>
        <translation>生日积分可在几天内发放（天）</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="93" />
        <source>Value of one point</source>
        <translation>每积分价值</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="94" />
        <source>Fewest points per redemption</source>
        <translation>每次最少抵扣积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="96" />
        <source>Most of a sale points may pay</source>
        <translation>积分最多可支付的比例</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="96" />
        <source>0.5 = half</source>
        <translation>0.5 即一半</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="100" />
        <source>Spend since joining</source>
        <translation>入会以来的消费</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="101" />
        <source>Spend in the last days (window)</source>
        <translation>最近若干天的消费（统计窗口）</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="102" />
        <source>Points earned</source>
        <translation>累计获得积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="103" />
        <source>Score (spend, visits, activity)</source>
        <translation>综合分（消费、到店、互动）</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="107" />
        <source>Tiers are measured on</source>
        <translation>等级依据</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="110" />
        <source>Window (days)</source>
        <translation>统计窗口（天）</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="111" />
        <source>Add tier</source>
        <translation>添加等级</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="115" />
        <source>When several campaigns apply</source>
        <translation>多个促销活动同时适用时</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="117" />
        <source>Only the best one counts</source>
        <translation>只取最优的一个</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="120" />
        <source>All count: multipliers multiply, bonuses add</source>
        <translation>全部生效：倍数相乘，奖励积分相加</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="124" />
        <source>Add campaign</source>
        <translation>添加促销活动</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="125" />
        <source>Add reward</source>
        <translation>添加奖励</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="128" />
        <source>Earning</source>
        <translation>积分规则</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="129" />
        <source>Activities and expiry</source>
        <translation>活动与有效期</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="130" />
        <source>Redeeming</source>
        <translation>积分抵扣</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="131" />
        <source>Tiers</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="132" />
        <source>Campaigns</source>
        <translation>促销活动</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="133" />
        <source>Rewards</source>
        <translation>奖励目录</translation>
    </message>
</context>
<context>
    <name>ProgrammePage</name>
    <message>
        <location filename="../../ui/console/programme_page.py" line="49" />
        <source>Programme</source>
        <translation>积分方案</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_page.py" line="60" />
        <source>Versions</source>
        <translation>版本记录</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_page.py" line="66" />
        <source>Import file…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_page.py" line="67" />
        <source>Export file…</source>
        <translation>导出文件…</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_page.py" line="68" />
        <source>Undo changes</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_page.py" line="69" />
        <source>Save as new version (Ctrl+S)</source>
        <translation>保存为新版本（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_page.py" line="118" />
        <source>Version {version} is in force</source>
        <translation>第 {version} 版生效中</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_page.py" line="120" />
        <source>The built-in defaults are in force</source>
        <translation>正在使用内置默认方案</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_page.py" line="134" />
        <source>Not a programme yet: {problem}</source>
        <translation>方案还不完整：{problem}</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_page.py" line="144" />
        <source>Changed: save to put it in force.</source>
        <translation>已修改：保存后生效。</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_page.py" line="146" />
        <source>This is the programme in force.</source>
        <translation>这就是正在生效的方案。</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_page.py" line="172" />
        <source>Saved as version {version}; it is in force from now.</source>
        <translation>已保存为第 {version} 版，即时生效。</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_page.py" line="197" />
        <source>Import a programme file</source>
        <translation>导入方案文件</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_page.py" line="202" />
        <source>Export the programme file</source>
        <translation>导出方案文件</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_page.py" line="223" />
        <source>Read {file}: check it, then save to put it in force.</source>
        <translation>已读取 {file}：请检查，保存后生效。</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_page.py" line="240" />
        <source>Written to {file}.</source>
        <translation>已写入 {file}。</translation>
    </message>
</context>
<context>
    <name>ProgrammeRewards</name>
    <message>
        <location filename="../../ui/console/programme_rewards.py" line="24" />
        <source>Reward</source>
        <translation>奖励</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_rewards.py" line="25" />
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_rewards.py" line="28" />
        <source>Coupon value</source>
        <translation>抵扣金额</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_rewards.py" line="29" />
        <source>Money off the basket</source>
        <translation>从本单中抵扣的金额</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_rewards.py" line="33" />
        <source>Item SKU</source>
        <translation>赠品 SKU</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_rewards.py" line="34" />
        <source>The item given; it must be bought</source>
        <translation>赠送的商品，须在本单中</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_rewards.py" line="38" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_rewards.py" line="39" />
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_rewards.py" line="42" />
        <source>Tiers</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_rewards.py" line="43" />
        <source>Empty: every tier</source>
        <translation>留空：所有等级</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_rewards.py" line="47" />
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_rewards.py" line="48" />
        <source>How many may ever be taken; empty: no limit</source>
        <translation>总共可兑换的份数；留空表示不限</translation>
    </message>
</context>
<context>
    <name>ProgrammeTiers</name>
    <message>
        <location filename="../../ui/console/programme_tiers.py" line="12" />
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_tiers.py" line="15" />
        <source>Threshold</source>
        <translation>门槛</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_tiers.py" line="16" />
        <source>Reached at or above this much of the basis (money, points or score)</source>
        <translation>达到或超过此数值（金额、积分或分数）即升到该等级</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_tiers.py" line="20" />
        <source>Discount %</source>
        <translation>折扣 %</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_tiers.py" line="21" />
        <source>Earn ×</source>
        <translation>积分倍数</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_tiers.py" line="24" />
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_tiers.py" line="25" />
        <source>Like "#C0C0C0"; empty for none</source>
        <translation>如 "#C0C0C0"；留空表示无</translation>
    </message>
</context>
<context>
    <name>ReceiptDesk</name>
    <message>
        <location filename="../../ui/screens/receipt_desk.py" line="107" />
        <source>No receipt yet: complete a sale first.</source>
        <translation>还没有小票：请先完成一笔销售。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt_desk.py" line="113" />
        <source>No printer is set for this till (Settings, F10): show this screen.</source>
        <translation>本收银台没有设置打印机（设置，F10）：请给顾客看屏幕上的小票。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt_desk.py" line="119" />
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt_desk.py" line="133" />
        <source>Printed on {printer}.</source>
        <translation>已在 {printer} 打印。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt_desk.py" line="137" />
        <source> — F8 tries again.</source>
        <translation> —— 按 F8 重试。</translation>
    </message>
</context>
<context>
    <name>ReceiptView</name>
    <message>
        <location filename="../../ui/widgets/receipt_view.py" line="43" />
        <source>Print receipt (F8)</source>
        <translation>打印小票 (F8)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/receipt_view.py" line="54" />
        <source>Receipt {sale}</source>
        <translation>小票 {sale}</translation>
    </message>
</context>
<context>
    <name>RefundScreen</name>
    <message>
        <location filename="../../ui/screens/refund.py" line="57" />
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="60" />
        <source>Sale number from the receipt</source>
        <translation>小票上的销售单号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="62" />
        <source>Value of the goods returned</source>
        <translation>退回商品的金额</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="64" />
        <source>or items, e.g. TEA:2, CUP</source>
        <translation>或商品，如 TEA:2, CUP</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="70" />
        <source>Refund (Enter)</source>
        <translation>退款 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="72" />
        <source>Back to checkout (Esc)</source>
        <translation>返回结账 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="77" />
        <source>Sale number</source>
        <translation>销售单号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="78" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="79" />
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="82" />
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="83" />
        <source>Manager's PIN</source>
        <translation>店长 PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="124" />
        <source>Type the sale number from the receipt.</source>
        <translation>请输入小票上的销售单号。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="150" />
        <source>Refund {refund} of sale {sale}: pay back {money} {currency}; {reversed} points taken back, {restored} restored.</source>
        <translation>退款 {refund}（销售单 {sale}）：退还 {money} {currency}；扣回 {reversed} 积分，返还 {restored} 积分。</translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <location filename="../../ui/console/programme_rows.py" line="234" />
        <source>Row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../ui/screens/settings.py" line="39" />
        <source>Settings of this till</source>
        <translation>本收银台设置</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="43" />
        <source>Same as this PC</source>
        <translation>跟随本机系统</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="48" />
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="51" />
        <source>Empty: receipts are shown on screen only</source>
        <translation>留空：小票只在屏幕上显示</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="53" />
        <source>A device (/dev/usb/lp0, COM3), a file, or a network printer tcp://host:9100</source>
        <translation>设备（/dev/usb/lp0、COM3）、文件，或网络打印机 tcp://主机:9100</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="58" />
        <source>{mm} mm</source>
        <translation>{mm} 毫米</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="61" />
        <source>GB18030 (most Chinese printers)</source>
        <translation>GB18030（大多数中文打印机）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="62" />
        <source>GBK (older Chinese printers)</source>
        <translation>GBK（较旧的中文打印机）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="64" />
        <source>Picture (any printer, slower)</source>
        <translation>图片（任何打印机，较慢）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="68" />
        <source>Print a receipt for every sale</source>
        <translation>每笔销售都打印小票</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="72" />
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="74" />
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="76" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="77" />
        <source>Lock when idle after</source>
        <translation>闲置多久后锁屏</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="78" />
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="79" />
        <source>Paper width</source>
        <translation>纸宽</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="80" />
        <source>Printer characters</source>
        <translation>打印字符编码</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="95" />
        <source>Only a manager can change the lock and the printer.</source>
        <translation>只有店长可以修改锁屏时间和打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="133" />
        <source>Name a printer before asking for a receipt every sale.</source>
        <translation>要每笔打印小票，请先填写打印机。</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../ui/screens/sign_in.py" line="32" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign_in.py" line="35" />
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign_in.py" line="38" />
        <location filename="../../ui/screens/sign_in.py" line="47" />
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign_in.py" line="40" />
        <source>Sign in (Enter)</source>
        <translation>登录 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign_in.py" line="46" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign_in.py" line="86" />
        <source>Type your name and PIN.</source>
        <translation>请输入姓名和 PIN 码。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign_in.py" line="124" />
        <source>You can sign in again.</source>
        <translation>现在可以重新登录。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign_in.py" line="133" />
        <source>Too many wrong PINs: locked for {time}.</source>
        <translation>PIN 码错误次数过多：锁定剩余 {time}。</translation>
    </message>
</context>
<context>
    <name>VersionsModel</name>
    <message>
        <location filename="../../ui/console/programme_versions.py" line="42" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_versions.py" line="43" />
        <source>In force</source>
        <translation>生效中</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_versions.py" line="44" />
        <source>Loaded</source>
        <translation>载入时间</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_versions.py" line="45" />
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_versions.py" line="46" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_versions.py" line="64" />
        <source>in force</source>
        <translation>生效中</translation>
    </message>
</context>
</TS>