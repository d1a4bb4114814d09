<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddStaffDialog</name>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="102"/>
        <source>Add staff</source>
        <translation>添加员工</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="102"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="109"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="110"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="117"/>
        <source>Type the name.</source>
        <translation>请输入姓名。</translation>
    </message>
</context>
<context>
    <name>BasketModel</name>
    <message>
        <location filename="../../ui/widgets/basket.py" line="43"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/basket.py" line="44"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/basket.py" line="45"/>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/basket.py" line="46"/>
        <source>Off</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/basket.py" line="47"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
</context>
<context>
    <name>CameraScan</name>
    <message>
        <location filename="../../ui/widgets/camera_scan.py" line="45"/>
        <source>Scan with the camera</source>
        <translation>用摄像头扫码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/camera_scan.py" line="49"/>
        <source>Hold the member&apos;s QR code in front of the camera.</source>
        <translation>请把会员二维码对准摄像头。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/camera_scan.py" line="50"/>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
</context>
<context>
    <name>CheckoutScreen</name>
    <message>
        <location filename="../../ui/screens/checkout.py" line="116"/>
        <source>Scan card, or number / phone + Enter</source>
        <translation>扫码 / 卡号 / 手机号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="118"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="121"/>
        <source>No camera</source>
        <translation>无摄像头</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="123"/>
        <source>No camera was found on this PC: use the scanner or type the number</source>
        <translation>本机没有摄像头：请用扫码枪或输入卡号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="133"/>
        <source>New member (F4)</source>
        <translation>新会员 (F4)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="135"/>
        <source>Item code</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="140"/>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="144"/>
        <source>Add line (Enter)</source>
        <translation>添加 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="153"/>
        <source> points</source>
        <translation> 积分</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="155"/>
        <source>Use points (F9)</source>
        <translation>用积分 (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="159"/>
        <source>Money off the chosen line (the last one unless you pick another)</source>
        <translation>所选商品行减免的金额（默认最后一行，可在清单中另选）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="171"/>
        <source>Complete sale (F12)</source>
        <translation>完成结账 (F12)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="173"/>
        <source>New customer (Esc)</source>
        <translation>下一位顾客 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="174"/>
        <source>Refund (F7)</source>
        <translation>退款 (F7)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="196"/>
        <source>Pay with points</source>
        <translation>积分抵扣</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="199"/>
        <source>Line discount (F5)</source>
        <translation>单品折扣 (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="201"/>
        <source>Order discount (F6)</source>
        <translation>整单折扣 (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="427"/>
        <source>That was a payment code ({kind}), not a member card or an item.</source>
        <translation>这是付款码（{kind}），不是会员码，也不是商品条码。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="324"/>
        <source>Several members match: choose one and press Enter.</source>
        <translation>有多位会员匹配：请选择一位后按回车。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="365"/>
        <source>Completing the sale: wait a moment.</source>
        <translation>正在完成结账，请稍候。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="404"/>
        <source>{sku} is sold at its catalogue price {price}.</source>
        <translation>{sku} 按目录价 {price} 销售。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="442"/>
        <source> — type its price</source>
        <translation> — 请输入单价</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="437"/>
        <source>Returns go through Refund (F7) with a manager.</source>
        <translation>退货请用“退款 (F7)”，需店长确认。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="457"/>
        <source>Type an item code and its price.</source>
        <translation>请输入商品编码和单价。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="476"/>
        <source>Ring up an item first, then give it a discount.</source>
        <translation>请先录入商品，再给它打折。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="503"/>
        <source>No reward on Alt+{number}.</source>
        <translation>Alt+{number} 没有对应的兑换礼品。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="509"/>
        <source>{name} needs {points} points; the member can spend {spendable}.</source>
        <translation>{name} 需要 {points} 积分；该会员可用 {spendable} 积分。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="557"/>
        <source>The basket from before is back (Esc clears it).</source>
        <translation>之前未完成的购物清单已恢复（按 Esc 清空）。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="604"/>
        <source>The total is ready: check it and press F12.</source>
        <translation>金额已算好：请核对后按 F12。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="626"/>
        <source>Lines: {count}</source>
        <translation>共 {count} 行</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="631"/>
        <source>Subtotal {amount}</source>
        <translation>小计 {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="634"/>
        <source>Tier discount −{amount}</source>
        <translation>等级折扣 −{amount}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="640"/>
        <source>Discount −{amount}</source>
        <translation>折扣 −{amount}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="647"/>
        <source>{points} points pay −{amount}</source>
        <translation>{points} 积分抵 −{amount}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="656"/>
        <source>To pay {amount} {currency}</source>
        <translation>应付 {amount} {currency}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="661"/>
        <source>Earns {earned} points · balance after {points}</source>
        <translation>本单得 {earned} 积分 · 结账后余额 {points}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="678"/>
        <source>An item is typed but not added: Enter adds it, or clear it.</source>
        <translation>有商品已输入但未添加：按 Enter 添加，或清除它。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="684"/>
        <source>A line discount is typed but not taken: press Enter on it.</source>
        <translation>单品折扣已输入但未生效：请在该栏按 Enter。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="690"/>
        <source>Scan the member&apos;s card first.</source>
        <translation>请先扫描会员卡。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="695"/>
        <source>Working out the total: press F12 again when it shows.</source>
        <translation>正在计算金额：显示后请再按一次 F12。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="714"/>
        <source>Sale {sale} done: paid {paid} {currency}, earned {earned}, redeemed {redeemed}; balance {points} points, tier {tier}.</source>
        <translation>单号 {sale} 已完成：实付 {paid} {currency}，获得 {earned} 积分，使用 {redeemed} 积分；余额 {points} 积分，等级 {tier}。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="739"/>
        <source> — F4 enrols a new member</source>
        <translation> — 按 F4 登记新会员</translation>
    </message>
</context>
<context>
    <name>ConsolePages</name>
    <message>
        <location filename="../../ui/console/pages.py" line="37"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/console/pages.py" line="38"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../ui/console/pages.py" line="41"/>
        <source>Till rules</source>
        <translation>收银规则</translation>
    </message>
</context>
<context>
    <name>ConsoleScreen</name>
    <message>
        <location filename="../../ui/console/screen.py" line="44"/>
        <source>Back to the till (F11)</source>
        <translation>返回收银台 (F11)</translation>
    </message>
</context>
<context>
    <name>EnrolPanel</name>
    <message>
        <location filename="../../ui/widgets/enrol_panel.py" line="52"/>
        <source>New member</source>
        <translation>新会员</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/enrol_panel.py" line="58"/>
        <source>YYYY-MM-DD (optional)</source>
        <translation>YYYY-MM-DD（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/enrol_panel.py" line="60"/>
        <source>Agrees to receive offers</source>
        <translation>同意接收优惠信息</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/enrol_panel.py" line="62"/>
        <source>Enrol (Enter)</source>
        <translation>登记 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/enrol_panel.py" line="64"/>
        <source>Skip (Esc)</source>
        <translation>跳过 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/enrol_panel.py" line="71"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/enrol_panel.py" line="72"/>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/enrol_panel.py" line="73"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/enrol_panel.py" line="141"/>
        <source>Member {number} enrolled, but the card could not be drawn: {why}</source>
        <translation>会员 {number} 已登记，但无法生成会员卡：{why}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/enrol_panel.py" line="151"/>
        <source> The phone is also on member {others}.</source>
        <translation> 该手机号也登记在会员 {others} 名下。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/enrol_panel.py" line="159"/>
        <source>Member {number} enrolled; the card is below.</source>
        <translation>会员 {number} 已登记，会员卡见下方。</translation>
    </message>
</context>
<context>
    <name>FirstAdminScreen</name>
    <message>
        <location filename="../../ui/screens/first_run.py" line="24"/>
        <source>Welcome: create the administrator account</source>
        <translation>欢迎：请先创建管理员账号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/first_run.py" line="29"/>
        <source>The administrator adds the cashiers and managers later. Choose a PIN of at least 4 digits and keep it safe.</source>
        <translation>管理员之后可以添加收银员和店长。请设置至少 4 位数字的 PIN 码并妥善保管。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/first_run.py" line="40"/>
        <source>Create and sign in (Enter)</source>
        <translation>创建并登录 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/first_run.py" line="46"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/screens/first_run.py" line="47"/>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/screens/first_run.py" line="48"/>
        <source>PIN again</source>
        <translation>再次输入 PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/screens/first_run.py" line="67"/>
        <source>The two PINs differ; type them again.</source>
        <translation>两次输入的 PIN 码不一致，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/first_run.py" line="91"/>
        <source>This shop already has staff accounts: sign in instead.</source>
        <translation>本店已有员工账号，请直接登录。</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../ui/console/home.py" line="18"/>
        <source>Back office</source>
        <translation>后台管理</translation>
    </message>
    <message>
        <location filename="../../ui/console/home.py" line="22"/>
        <source>Choose a page on the left. Everything here is for managers: the programme, products, members, imports, staff, the audit log and backups. F11 takes you back to the till.</source>
        <translation>请在左侧选择页面。这里的一切都供店长使用：会员方案、商品、会员、导入、员工、审计日志和备份。按 F11 返回收银台。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="141"/>
        <source>Loyalty till — DEMO</source>
        <translation>会员收银台 — 演示</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141"/>
        <source>Loyalty till</source>
        <translation>会员收银台</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="146"/>
        <source>Sign out (Ctrl+L)</source>
        <translation>退出登录 (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="143"/>
        <source>DEMO — sample data, not a real shop</source>
        <translation>演示 — 示例数据，不是真实门店</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="144"/>
        <source>Settings (F10)</source>
        <translation>设置 (F10)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="145"/>
        <source>Back office (F11)</source>
        <translation>后台管理 (F11)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="212"/>
        <source>cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="213"/>
        <source>manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="214"/>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217"/>
        <source>Signed in: {name} ({role})</source>
        <translation>已登录：{name}（{role}）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="247"/>
        <source>The back office is for managers.</source>
        <translation>后台管理仅供店长使用。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="286"/>
        <source>Finish or clear the sale in progress (Esc) before changing the language.</source>
        <translation>请先完成或清空当前这笔销售（Esc），再切换语言。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="348"/>
        <source>That was a payment code ({kind}), not a receipt.</source>
        <translation>这是付款码（{kind}），不是小票。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="351"/>
        <source>That was a member card, not a receipt.</source>
        <translation>这是会员卡，不是小票。</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="57"/>
        <source>No member</source>
        <translation>未选会员</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="58"/>
        <source>Scan the member&apos;s card or type a number or phone.</source>
        <translation>请扫描会员码，或输入卡号、手机号。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="66"/>
        <source>no tier</source>
        <translation>无等级</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="74"/>
        <source>Tier: {tier} — {needs} more to {next}</source>
        <translation>等级：{tier} — 再消费 {needs} 升至 {next}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="79"/>
        <source>Tier: {tier}</source>
        <translation>等级：{tier}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="80"/>
        <source>{points} points</source>
        <translation>{points} 积分</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="83"/>
        <source>{points} points expire in the next 30 days</source>
        <translation>{points} 积分将在 30 天内过期</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="90"/>
        <source>⚠ Negative balance: points owed from a refund</source>
        <translation>⚠ 积分为负：退货后欠扣的积分</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="92"/>
        <source>🎂 Birthday this month</source>
        <translation>🎂 本月生日</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="94"/>
        <source>⚠ Member is {status}</source>
        <translation>⚠ 会员状态：{status}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="130"/>
        <source>[{key}] {mark} {name} — {points} points ({worth})</source>
        <translation>[{key}] {mark} {name} —— {points} 积分（{worth}）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="138"/>
        <source> ✗ needs {more} more points</source>
        <translation> ✗ 还差 {more} 积分</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="142"/>
        <source> — chosen</source>
        <translation> —— 已选</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="150"/>
        <source>×{times} points</source>
        <translation>积分 ×{times}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="153"/>
        <source>+{bonus} bonus points</source>
        <translation>额外赠送 {bonus} 积分</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="154"/>
        <source>★ Today: {name}</source>
        <translation>★ 今日活动：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="158"/>
        <source> on {categories}</source>
        <translation>（限 {categories}）</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="126"/>
        <source>New PIN for {name}</source>
        <translation>为 {name} 设置新 PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="126"/>
        <source>Set PIN</source>
        <translation>设置 PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="128"/>
        <source>The old PIN stops working at once; a lockout is lifted.</source>
        <translation>旧 PIN 码立即失效；如账号被锁定，也会一并解锁。</translation>
    </message>
</context>
<context>
    <name>ReceiptDesk</name>
    <message>
        <location filename="../../ui/screens/receipt_desk.py" line="107"/>
        <source>No receipt yet: complete a sale first.</source>
        <translation>还没有小票：请先完成一笔销售。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt_desk.py" line="113"/>
        <source>No printer is set for this till (Settings, F10): show this screen.</source>
        <translation>本收银台没有设置打印机（设置，F10）：请给顾客看屏幕上的小票。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt_desk.py" line="119"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt_desk.py" line="133"/>
        <source>Printed on {printer}.</source>
        <translation>已在 {printer} 打印。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt_desk.py" line="137"/>
        <source> — F8 tries again.</source>
        <translation> —— 按 F8 重试。</translation>
    </message>
</context>
<context>
    <name>ReceiptView</name>
    <message>
        <location filename="../../ui/widgets/receipt_view.py" line="43"/>
        <source>Print receipt (F8)</source>
        <translation>打印小票 (F8)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/receipt_view.py" line="54"/>
        <source>Receipt {sale}</source>
        <translation>小票 {sale}</translation>
    </message>
</context>
<context>
    <name>RefundScreen</name>
    <message>
        <location filename="../../ui/screens/refund.py" line="61"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="64"/>
        <source>Sale number from the receipt</source>
        <translation>小票上的销售单号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="66"/>
        <source>Value of the goods returned</source>
        <translation>退回商品的金额</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="68"/>
        <source>or items, e.g. TEA:2, CUP</source>
        <translation>或商品，如 TEA:2, CUP</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="74"/>
        <source>Refund (Enter)</source>
        <translation>退款 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="76"/>
        <source>Back to checkout (Esc)</source>
        <translation>返回结账 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="81"/>
        <source>Sale number</source>
        <translation>销售单号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="82"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="83"/>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="84"/>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="85"/>
        <source>Manager&apos;s PIN</source>
        <translation>店长 PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="158"/>
        <source>Type the sale number from the receipt.</source>
        <translation>请输入小票上的销售单号。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="184"/>
        <source>Refund {refund} of sale {sale}: pay back {money} {currency}; {reversed} points taken back, {restored} restored.</source>
        <translation>退款 {refund}（销售单 {sale}）：退还 {money} {currency}；扣回 {reversed} 积分，返还 {restored} 积分。</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="138"/>
        <source>Role of {name}</source>
        <translation>{name} 的角色</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="138"/>
        <source>Change role</source>
        <translation>修改角色</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="145"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="149"/>
        <source>A manager looks after cashiers and the back office; an admin also looks after managers, admins and the till rules.</source>
        <translation>店长管理收银员和后台；管理员还可管理店长、管理员和收银规则。</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../ui/screens/settings.py" line="39"/>
        <source>Settings of this till</source>
        <translation>本收银台设置</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="43"/>
        <source>Same as this PC</source>
        <translation>跟随本机系统</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="48"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="51"/>
        <source>Empty: receipts are shown on screen only</source>
        <translation>留空：小票只在屏幕上显示</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="53"/>
        <source>A device (/dev/usb/lp0, COM3), a file, or a network printer tcp://host:9100</source>
        <translation>设备（/dev/usb/lp0、COM3）、文件，或网络打印机 tcp://主机:9100</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="58"/>
        <source>{mm} mm</source>
        <translation>{mm} 毫米</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="61"/>
        <source>GB18030 (most Chinese printers)</source>
        <translation>GB18030（大多数中文打印机）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="62"/>
        <source>GBK (older Chinese printers)</source>
        <translation>GBK（较旧的中文打印机）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="64"/>
        <source>Picture (any printer, slower)</source>
        <translation>图片（任何打印机，较慢）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="68"/>
        <source>Print a receipt for every sale</source>
        <translation>每笔销售都打印小票</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="72"/>
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="74"/>
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="76"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="77"/>
        <source>Lock when idle after</source>
        <translation>闲置多久后锁屏</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="78"/>
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="79"/>
        <source>Paper width</source>
        <translation>纸宽</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="80"/>
        <source>Printer characters</source>
        <translation>打印字符编码</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="95"/>
        <source>Only a manager can change the lock and the printer.</source>
        <translation>只有店长可以修改锁屏时间和打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="133"/>
        <source>Name a printer before asking for a receipt every sale.</source>
        <translation>要每笔打印小票，请先填写打印机。</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../ui/screens/sign_in.py" line="32"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign_in.py" line="35"/>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign_in.py" line="38"/>
        <location filename="../../ui/screens/sign_in.py" line="47"/>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign_in.py" line="40"/>
        <source>Sign in (Enter)</source>
        <translation>登录 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign_in.py" line="46"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign_in.py" line="86"/>
        <source>Type your name and PIN.</source>
        <translation>请输入姓名和 PIN 码。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign_in.py" line="124"/>
        <source>You can sign in again.</source>
        <translation>现在可以重新登录。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign_in.py" line="133"/>
        <source>Too many wrong PINs: locked for {time}.</source>
        <translation>PIN 码错误次数过多：锁定剩余 {time}。</translation>
    </message>
</context>
<context>
    <name>StaffDialogs</name>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="29"/>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="30"/>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="31"/>
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="161"/>
        <source>Disable {name}</source>
        <translation>停用 {name}</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="164"/>
        <source>{name} will not be able to sign in, and a till where {name} is signed in stops at its next step. Their sales and history stay. You can enable the account again later.</source>
        <translation>{name} 将无法登录；如果 {name} 正在某台收银机上登录，下一步操作时会被退出。其销售和历史记录都会保留，以后可以重新启用这个账号。</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="172"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="176"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../ui/console/staff_page.py" line="127"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="131"/>
        <source>An admin looks after every account. A manager adds cashiers and looks after their accounts. Nobody disables their own account or changes their own role, and the last admin always stays.</source>
        <translation>管理员可以管理所有账号；店长可以添加和管理收银员账号。任何人都不能停用自己的账号或修改自己的角色，最后一个管理员账号始终保留。</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="146"/>
        <source>Add staff (Ctrl+N)</source>
        <translation>添加员工 (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="148"/>
        <source>New PIN</source>
        <translation>新 PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="149"/>
        <source>Change role</source>
        <translation>修改角色</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="150"/>
        <location filename="../../ui/console/staff_page.py" line="223"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="223"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="245"/>
        <source>{name} was added and can sign in now.</source>
        <translation>已添加 {name}，现在可以登录了。</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="263"/>
        <source>{name} has a new PIN.</source>
        <translation>{name} 的 PIN 码已更新。</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="281"/>
        <source>{name}&apos;s role was changed.</source>
        <translation>{name} 的角色已修改。</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="296"/>
        <source>{name} can sign in again.</source>
        <translation>{name} 可以重新登录了。</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="306"/>
        <source>{name} can no longer sign in.</source>
        <translation>{name} 已无法登录。</translation>
    </message>
</context>
<context>
    <name>StaffTableModel</name>
    <message>
        <location filename="../../ui/console/staff_page.py" line="81"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="82"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="83"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="84"/>
        <source>Last sign-in</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="99"/>
        <source>Locked after too many wrong PINs; a new PIN lifts the lock.</source>
        <translation>PIN 码输错次数太多，账号已锁定；设置新 PIN 码即可解锁。</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="109"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="112"/>
        <source>Locked until {time}</source>
        <translation>锁定到 {time}</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="113"/>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="116"/>
        <source>Not yet</source>
        <translation>尚未登录</translation>
    </message>
</context>
<context>
    <name>TillRulesPage</name>
    <message>
        <location filename="../../ui/console/till_rules_page.py" line="38"/>
        <source>Till rules</source>
        <translation>收银规则</translation>
    </message>
    <message>
        <location filename="../../ui/console/till_rules_page.py" line="42"/>
        <source>What a cashier may do at the till without a manager&apos;s name and PIN. Every till of the shop follows these rules. Points adjustments are not offered at the till: a manager makes them in the back office.</source>
        <translation>收银员无需店长输入姓名和 PIN 码即可办理的事项。本店所有收银机都遵守这些规则。收银台不提供积分调整，积分调整由店长在后台办理。</translation>
    </message>
    <message>
        <location filename="../../ui/console/till_rules_page.py" line="62"/>
        <source>A cashier refunds alone up to</source>
        <translation>收银员可自行退款，最多</translation>
    </message>
    <message>
        <location filename="../../ui/console/till_rules_page.py" line="63"/>
        <source>0: every refund needs a manager.</source>
        <translation>0：每笔退款都需要店长批准。</translation>
    </message>
    <message>
        <location filename="../../ui/console/till_rules_page.py" line="64"/>
        <source>A cashier&apos;s discounts up to</source>
        <translation>收银员可给的折扣，最多</translation>
    </message>
    <message>
        <location filename="../../ui/console/till_rules_page.py" line="69"/>
        <source>Of each line and of the whole sale (F5 and F6 together). 100 %: any discount.</source>
        <translation>按每个商品行和整笔销售计算（F5 与 F6 合计）。100 %：折扣不限。</translation>
    </message>
    <message>
        <location filename="../../ui/console/till_rules_page.py" line="73"/>
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/console/till_rules_page.py" line="88"/>
        <source>Only an admin changes the till rules.</source>
        <translation>只有管理员可以修改收银规则。</translation>
    </message>
    <message>
        <location filename="../../ui/console/till_rules_page.py" line="129"/>
        <source>Saved. Every till follows the new rules now.</source>
        <translation>已保存，所有收银机现在都按新规则执行。</translation>
    </message>
</context>
<context>
    <name>_Form</name>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="59"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>_WithPin</name>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="86"/>
        <source>PIN (4 to 12 digits)</source>
        <translation>PIN 码（4 到 12 位数字）</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="87"/>
        <source>The same PIN again</source>
        <translation>再次输入 PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="91"/>
        <source>Type the PIN.</source>
        <translation>请输入 PIN 码。</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="94"/>
        <source>The two PINs differ; type the PIN again.</source>
        <translation>两次输入的 PIN 码不一致，请重新输入。</translation>
    </message>
</context>
</TS>
