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
        <location filename="../../ui/console/pages.py" line="37" />
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/console/pages.py" line="39" />
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/console/pages.py" line="41" />
        <source>Import</source>
        <translation>导入</translation>
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
    <name>ImportFields</name>
    <message>
        <location filename="../../ui/console/import_mapping.py" line="20" />
        <source>Product name</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_mapping.py" line="22" />
        <source>Member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_mapping.py" line="23" />
        <source>Member name</source>
        <translation>会员姓名</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_mapping.py" line="24" />
        <source>Mobile phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_mapping.py" line="25" />
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_mapping.py" line="26" />
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_mapping.py" line="27" />
        <source>Agrees to offers</source>
        <translation>同意接收优惠信息</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_mapping.py" line="28" />
        <source>Sale number</source>
        <translation>销售单号</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_mapping.py" line="29" />
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_mapping.py" line="30" />
        <source>Date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_mapping.py" line="31" />
        <source>SKU</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_mapping.py" line="32" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_mapping.py" line="33" />
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_mapping.py" line="34" />
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_mapping.py" line="35" />
        <source>Category</source>
        <translation>品类</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_mapping.py" line="36" />
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../ui/console/import_page.py" line="83" />
        <location filename="../../ui/console/import_page.py" line="120" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="86" />
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="87" />
        <source>Past sales</source>
        <translation>历史销售</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="88" />
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="91" />
        <source>A CSV file or an Excel workbook (.xlsx)</source>
        <translation>CSV 文件或 Excel 工作簿（.xlsx）</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="92" />
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="94" />
        <source>Detect</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="97" />
        <location filename="../../ui/console/import_page.py" line="250" />
        <source>UTF-8 with BOM</source>
        <translation>UTF-8（带 BOM）</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="98" />
        <location filename="../../ui/console/import_page.py" line="251" />
        <location filename="../../ui/console/import_page.py" line="252" />
        <source>GBK (Chinese)</source>
        <translation>GBK（简体中文）</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="110" />
        <source>First rows</source>
        <translation>前几行</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="111" />
        <source>Rejected rows</source>
        <translation>被拒绝的行</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="115" />
        <source>Columns (* every row needs it)</source>
        <translation>列对应（* 为每行必填）</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="117" />
        <source>Import valid rows only</source>
        <translation>只导入有效的行</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="118" />
        <source>Unticked, nothing is imported if any row is rejected.</source>
        <translation>不勾选时，只要有一行被拒绝，就什么都不导入。</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="119" />
        <source>Enrol unknown member numbers</source>
        <translation>为未知会员号办理会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="123" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="133" />
        <source>File holds</source>
        <translation>文件内容</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="138" />
        <source>Read as</source>
        <translation>读取编码</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="198" />
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="200" />
        <source>CSV or Excel (*.csv *.txt *.xlsx);;All files (*)</source>
        <translation>CSV 或 Excel (*.csv *.txt *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="211" />
        <source>Choose a file: its first rows show on the left. Its columns are matched to these fields by their headers (会员号, 手机, …); you can correct each one.

{fields}</source>
        <translation>请选择文件：文件的前几行会显示在左边。系统按表头（会员号、手机……）把各列对应到下列字段，每一项都可以修改。

{fields}</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="225" />
        <location filename="../../ui/console/import_page.py" line="331" />
        <location filename="../../ui/console/import_page.py" line="337" />
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="248" />
        <source>an Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="255" />
        <source>Read as {what}</source>
        <translation>按{what}读取</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="257" />
        <source>Detected: {what}</source>
        <translation>识别为：{what}</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="258" />
        <source>Read as {what}, as chosen</source>
        <translation>按所选的 {what} 读取</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="279" />
        <source>Choose a column for: {fields}</source>
        <translation>请为以下字段选择列：{fields}</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="299" />
        <location filename="../../ui/console/import_page.py" line="339" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="321" />
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="338" />
        <source>Checking rows…</source>
        <translation>正在检查各行…</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="340" />
        <source>Finishing…</source>
        <translation>即将完成…</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="357" />
        <source>Rejected rows ({n})</source>
        <translation>被拒绝的行（{n}）</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="366" />
        <source>A sale was refused while importing; the {n} row(s) before it were imported. Fix the rows listed and import the file again: rows already imported are skipped.</source>
        <translation>导入时有一笔销售被拒绝；在它之前的 {n} 行已经导入。请修改列出的行后再次导入该文件：已导入的行会自动跳过。</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="371" />
        <source>{n} row(s) cannot be imported, so nothing was imported. Fix them, or tick “Import valid rows only”.</source>
        <translation>有 {n} 行无法导入，所以什么都没有导入。请修改这些行，或勾选“只导入有效的行”。</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="374" />
        <source>Rows imported: {n}.</source>
        <translation>已导入 {n} 行。</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="376" />
        <source>Already there, skipped: {n}.</source>
        <translation>已存在而跳过 {n} 行。</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="378" />
        <source>Members enrolled: {n}.</source>
        <translation>新办会员 {n} 位。</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="380" />
        <source>Rows rejected (listed): {n}.</source>
        <translation>被拒绝 {n} 行（见列表）。</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="392" />
        <source>Stopped. The sales written before you pressed Cancel stay; import the same file again to finish (rows already imported are skipped).</source>
        <translation>已停止。按下取消之前写入的销售会保留；再次导入同一文件即可完成（已导入的行会自动跳过）。</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="396" />
        <source>Cancelled. Nothing was imported.</source>
        <translation>已取消，什么都没有导入。</translation>
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
    <name>MappingForm</name>
    <message>
        <location filename="../../ui/console/import_mapping.py" line="72" />
        <source>— choose a column —</source>
        <translation>— 请选择列 —</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_mapping.py" line="74" />
        <source>(not in the file)</source>
        <translation>（文件中没有）</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_mapping.py" line="84" />
        <source>Every row needs this</source>
        <translation>每一行都必须有此项</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_mapping.py" line="84" />
        <source>May be left out</source>
        <translation>可以不填</translation>
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
    <name>PreviewModel</name>
    <message>
        <location filename="../../ui/console/import_preview.py" line="71" />
        <source>Not imported</source>
        <translation>不导入</translation>
    </message>
</context>
<context>
    <name>ProductEditor</name>
    <message>
        <location filename="../../ui/console/product_editor.py" line="58" />
        <source>On sale at the till</source>
        <translation>在收银台销售</translation>
    </message>
    <message>
        <location filename="../../ui/console/product_editor.py" line="61" />
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/console/product_editor.py" line="63" />
        <source>New product</source>
        <translation>新增商品</translation>
    </message>
    <message>
        <location filename="../../ui/console/product_editor.py" line="65" />
        <source>SKU</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <location filename="../../ui/console/product_editor.py" line="66" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/console/product_editor.py" line="67" />
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../ui/console/product_editor.py" line="68" />
        <source>Category</source>
        <translation>品类</translation>
    </message>
    <message>
        <location filename="../../ui/console/product_editor.py" line="69" />
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../ui/console/product_editor.py" line="90" />
        <source>Add a product</source>
        <translation>新增商品</translation>
    </message>
    <message>
        <location filename="../../ui/console/product_editor.py" line="100" />
        <source>Edit {sku}</source>
        <translation>编辑 {sku}</translation>
    </message>
    <message>
        <location filename="../../ui/console/product_editor.py" line="137" />
        <source>Nothing changed.</source>
        <translation>没有任何改动。</translation>
    </message>
    <message>
        <location filename="../../ui/console/product_editor.py" line="139" />
        <source>Product added.</source>
        <translation>商品已添加。</translation>
    </message>
    <message>
        <location filename="../../ui/console/product_editor.py" line="141" />
        <source>Product saved.</source>
        <translation>商品已保存。</translation>
    </message>
</context>
<context>
    <name>ProductTableModel</name>
    <message>
        <location filename="../../ui/console/product_model.py" line="158" />
        <source>SKU</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <location filename="../../ui/console/product_model.py" line="159" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/console/product_model.py" line="160" />
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../ui/console/product_model.py" line="161" />
        <source>Category</source>
        <translation>品类</translation>
    </message>
    <message>
        <location filename="../../ui/console/product_model.py" line="162" />
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../ui/console/product_model.py" line="163" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/console/product_model.py" line="192" />
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <location filename="../../ui/console/product_model.py" line="192" />
        <source>Not on sale</source>
        <translation>停售</translation>
    </message>
</context>
<context>
    <name>ProductsPage</name>
    <message>
        <location filename="../../ui/console/products_page.py" line="42" />
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/console/products_page.py" line="45" />
        <source>Filter by SKU, name, category or barcode</source>
        <translation>按商品编码、名称、品类或条码筛选</translation>
    </message>
    <message>
        <location filename="../../ui/console/products_page.py" line="48" />
        <source>Import CSV or Excel…</source>
        <translation>导入 CSV 或 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/console/products_page.py" line="135" />
        <source>Found: {n}</source>
        <translation>共 {n} 个</translation>
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
    <name>RejectedRows</name>
    <message>
        <location filename="../../ui/console/import_rejected.py" line="48" />
        <source>Save this list as CSV…</source>
        <translation>将此列表保存为 CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_rejected.py" line="65" />
        <source>Save the rejected rows</source>
        <translation>保存被拒绝的行</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_rejected.py" line="81" />
        <source>Saved to {file}.</source>
        <translation>已保存到 {file}。</translation>
    </message>
</context>
<context>
    <name>RejectionModel</name>
    <message>
        <location filename="../../ui/console/import_preview.py" line="127" />
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_preview.py" line="127" />
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_preview.py" line="127" />
        <source>Reason</source>
        <translation>原因</translation>
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
</TS>