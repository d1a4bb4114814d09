<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdjustDialog</name>
    <message>
        <location filename="../../ui/console/member_actions.py" line="126" />
        <source>Correct the points of {number}</source>
        <translation>调整会员 {number} 的积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="134" />
        <source>Required: why the points change</source>
        <translation>必填：积分变动的原因</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="136" />
        <source>Points now</source>
        <translation>当前积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="136" />
        <source>{points} points</source>
        <translation>{points} 积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="138" />
        <source>Add (negative takes away)</source>
        <translation>增加（负数为扣减）</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="139" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="147" />
        <source>Give a reason first</source>
        <translation>请先填写原因</translation>
    </message>
</context>
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
        <source>Members</source>
        <translation>会员</translation>
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
    <name>EditProfileDialog</name>
    <message>
        <location filename="../../ui/console/member_actions.py" line="91" />
        <source>Edit member {number}</source>
        <translation>修改会员 {number} 的资料</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="98" />
        <source>YYYY-MM-DD, or empty</source>
        <translation>YYYY-MM-DD，或留空</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="99" />
        <source>Agrees to marketing use of their data</source>
        <translation>同意将其资料用于营销</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="101" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="102" />
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="103" />
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="104" />
        <source>Birthday</source>
        <translation>生日</translation>
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
    <name>MemberDetailDialog</name>
    <message>
        <location filename="../../ui/console/member_detail.py" line="68" />
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="73" />
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="82" />
        <source>Member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="83" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="84" />
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="85" />
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="86" />
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="87" />
        <source>Marketing consent</source>
        <translation>营销授权</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="88" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="89" />
        <source>Expiring soon</source>
        <translation>即将过期</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="96" />
        <source>Profile</source>
        <translation>资料</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="97" />
        <source>Edit profile…</source>
        <translation>修改资料…</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="98" />
        <source>Correct points…</source>
        <translation>调整积分…</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="99" />
        <source>Merge a duplicate…</source>
        <translation>合并重复会员…</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="100" />
        <source>Save card…</source>
        <translation>保存会员卡…</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="101" />
        <source>Print card…</source>
        <translation>打印会员卡…</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="102" />
        <source>Export data (JSON)…</source>
        <translation>导出资料 (JSON)…</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="103" />
        <source>Erase…</source>
        <translation>删除资料…</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="104" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="156" />
        <source>Points ledger</source>
        <translation>积分明细</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="157" />
        <source>Points lots</source>
        <translation>积分批次</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="158" />
        <source>Tier history</source>
        <translation>等级变化</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="159" />
        <source>Purchases</source>
        <translation>消费记录</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="168" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="169" />
        <source>Member {number}</source>
        <translation>会员 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="173" />
        <source>Tier {tier} · {points} points ({spendable} spendable) · lifetime spend {spend}</source>
        <translation>等级 {tier} · {points} 积分（可用 {spendable}）· 累计消费 {spend}</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="182" />
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="183" />
        <source>merged into another member</source>
        <translation>已合并到其他会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="184" />
        <source>erased (personal data removed)</source>
        <translation>已注销（个人资料已删除）</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="187" />
        <source>{points} on {day}</source>
        <translation>{day} 过期 {points}</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="196" />
        <source>yes: offers may use their data</source>
        <translation>同意：优惠活动可使用其资料</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="198" />
        <source>no: no marketing</source>
        <translation>不同意：不做营销</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="227" />
        <source>Profile saved.</source>
        <translation>资料已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="229" />
        <source>Nothing was changed.</source>
        <translation>没有任何改动。</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="240" />
        <source>Points corrected: now {points}.</source>
        <translation>积分已调整：现为 {points}。</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="251" />
        <source>Merged: now {points} points.</source>
        <translation>已合并：现有 {points} 积分。</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="262" />
        <source>Save the member card</source>
        <translation>保存会员卡</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="279" />
        <source>Card saved to {file}.</source>
        <translation>会员卡已保存到 {file}。</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="301" />
        <source>The card was sent to the printer.</source>
        <translation>会员卡已发送到打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="309" />
        <source>Export member data</source>
        <translation>导出会员资料</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="323" />
        <source>Exported to {file}.</source>
        <translation>已导出到 {file}。</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="336" />
        <source>The member's personal data was erased.</source>
        <translation>该会员的个人资料已删除。</translation>
    </message>
</context>
<context>
    <name>MemberFiles</name>
    <message>
        <location filename="../../ui/console/member_files.py" line="27" />
        <source>Erase member data</source>
        <translation>删除会员资料</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_files.py" line="29" />
        <source>Erase the personal data of member {number}?</source>
        <translation>删除会员 {number} 的个人资料？</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_files.py" line="34" />
        <source>Name, phone, e-mail, birthday and consent are removed for good, also from duplicates merged into this member. The number, points and purchase totals stay, without a name, for the books. This cannot be undone.</source>
        <translation>姓名、手机号、邮箱、生日和授权记录将被永久删除，合并到该会员的重复会员也一并删除。会员号、积分和消费合计会匿名保留，用于记账。此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_files.py" line="42" />
        <source>Erase for good</source>
        <translation>永久删除</translation>
    </message>
</context>
<context>
    <name>MemberListModel</name>
    <message>
        <location filename="../../ui/console/member_model.py" line="90" />
        <source>Number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_model.py" line="91" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_model.py" line="92" />
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_model.py" line="93" />
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_model.py" line="94" />
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_model.py" line="95" />
        <source>Lifetime spend</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_model.py" line="96" />
        <source>Joined</source>
        <translation>入会日期</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_model.py" line="97" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_model.py" line="100" />
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_model.py" line="101" />
        <source>merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_model.py" line="102" />
        <source>erased</source>
        <translation>已注销</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_model.py" line="238" />
        <source>Masked: open the member to see the whole number</source>
        <translation>已隐藏部分号码：打开会员可查看完整号码</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_model.py" line="240" />
        <source>The member owes points; they cannot redeem until it is paid</source>
        <translation>该会员积分为负，补足前不能使用积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_model.py" line="270" />
        <source>Click to sort by this column</source>
        <translation>点击按此列排序</translation>
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
    <name>MemberTables</name>
    <message>
        <location filename="../../ui/console/member_tables.py" line="47" />
        <source>earned</source>
        <translation>消费得分</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="48" />
        <source>redeemed</source>
        <translation>积分抵扣</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="49" />
        <source>expired</source>
        <translation>过期</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="50" />
        <source>adjusted</source>
        <translation>人工调整</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="51" />
        <source>activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="52" />
        <source>refund</source>
        <translation>退货扣回</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="53" />
        <source>refund (points back)</source>
        <translation>退货返还</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="54" />
        <source>return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="55" />
        <source>merged in</source>
        <translation>合并转入</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="56" />
        <source>merged out</source>
        <translation>合并转出</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="94" />
        <location filename="../../ui/console/member_tables.py" line="124" />
        <location filename="../../ui/console/member_tables.py" line="135" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="95" />
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="96" />
        <location filename="../../ui/console/member_tables.py" line="110" />
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="97" />
        <source>Balance after</source>
        <translation>变动后余额</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="98" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="99" />
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="105" />
        <source>expired, not spendable</source>
        <translation>已过期，不可使用</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="106" />
        <source>from a merge or refund</source>
        <translation>来自合并或退货</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="106" />
        <source>open</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="109" />
        <source>Credited</source>
        <translation>入账时间</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="111" />
        <source>Left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="113" />
        <source>Expires</source>
        <translation>过期时间</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="114" />
        <source>never</source>
        <translation>永不过期</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="116" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="121" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="125" />
        <source>From</source>
        <translation>原等级</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="126" />
        <source>To</source>
        <translation>新等级</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="127" />
        <location filename="../../ui/console/member_tables.py" line="136" />
        <source>Sale</source>
        <translation>销售单号</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="137" />
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="138" />
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="139" />
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="140" />
        <source>Earned</source>
        <translation>获得积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="141" />
        <source>Redeemed</source>
        <translation>使用积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="142" />
        <source>Refunded</source>
        <translation>已退</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <location filename="../../ui/console/members_page.py" line="51" />
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/members_page.py" line="55" />
        <source>Search: member number, name, phone, or the phone's last 4 digits</source>
        <translation>搜索：会员号、姓名、手机号或手机尾号后 4 位</translation>
    </message>
    <message>
        <location filename="../../ui/console/members_page.py" line="74" />
        <source>Open member (Enter)</source>
        <translation>打开会员 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/console/members_page.py" line="153" />
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location filename="../../ui/console/members_page.py" line="172" />
        <source>{count} found</source>
        <translation>共 {count} 位</translation>
    </message>
    <message>
        <location filename="../../ui/console/members_page.py" line="203" />
        <source>That was a payment code ({kind}), not a member card.</source>
        <translation>这是付款码（{kind}），不是会员卡。</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ui/console/member_actions.py" line="166" />
        <source>Merge a duplicate into {number}</source>
        <translation>把重复会员合并到 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="171" />
        <source>The duplicate's member number or phone</source>
        <translation>重复会员的会员号或手机号</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="173" />
        <source>Optional: why (kept in the audit log)</source>
        <translation>可选：原因（记入审计日志）</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="174" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="176" />
        <source>Preview the merge first: nothing changes until you press Merge.</source>
        <translation>请先预览合并结果：按“合并”之前不会有任何改动。</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="183" />
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="186" />
        <source>Duplicate</source>
        <translation>重复会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="187" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="227" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="231" />
        <source>{number} {name}: {points} points, spend {spend}, tier {tier}, {sales} sale(s)</source>
        <translation>{number} {name}：{points} 积分，消费 {spend}，等级 {tier}，{sales} 笔消费</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="243" />
        <source>Kept: {side}</source>
        <translation>保留：{side}</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="244" />
        <source>Closed: {side}</source>
        <translation>关闭：{side}</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="246" />
        <source>After the merge, {number} has:</source>
        <translation>合并后，{number} 将有：</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="247" />
        <source>  name {name}; phone {phone}; e-mail {email}; birthday {birthday}</source>
        <translation>  姓名 {name}；手机 {phone}；邮箱 {email}；生日 {birthday}</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="253" />
        <source>  {points} points ({lots} lot(s) moved, each keeps its expiry)</source>
        <translation>  {points} 积分（转入 {lots} 个批次，各自保留原过期时间）</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="256" />
        <source>  spend {spend}, tier {tier}, {sales} sale(s) moved</source>
        <translation>  消费 {spend}，等级 {tier}，转入 {sales} 笔消费</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="261" />
        <source>  marketing consent: {consent}</source>
        <translation>  营销授权：{consent}</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="262" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="262" />
        <source>no</source>
        <translation>否</translation>
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
    <name>_Form</name>
    <message>
        <location filename="../../ui/console/member_actions.py" line="53" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="55" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>