<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../ui/console/audit_model.py" line="120" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="121" />
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="122" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="123" />
        <source>About</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="124" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>AuditNames</name>
    <message>
        <location filename="../../ui/console/audit_model.py" line="35" />
        <source>Points adjusted</source>
        <translation>积分调整</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="36" />
        <source>Activity points</source>
        <translation>活动积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="37" />
        <source>Refund</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="38" />
        <source>Members merged</source>
        <translation>会员合并</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="39" />
        <source>Member data exported</source>
        <translation>导出会员资料</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="40" />
        <source>Member erased</source>
        <translation>注销会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="41" />
        <source>Staff added</source>
        <translation>新增员工</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="42" />
        <source>Card key rotated</source>
        <translation>更换会员卡密钥</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="43" />
        <source>Keys replaced</source>
        <translation>重建密钥</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="44" />
        <source>Stock changed</source>
        <translation>库存变动</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="45" />
        <source>Product added</source>
        <translation>新增商品</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="46" />
        <source>Product changed</source>
        <translation>修改商品</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="47" />
        <source>Programme loaded</source>
        <translation>载入积分方案</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="48" />
        <source>Receipt header changed</source>
        <translation>修改小票抬头</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="49" />
        <source>Backup made</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="50" />
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="63" />
        <source>member {number}</source>
        <translation>会员 {number}</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../ui/console/audit_page.py" line="53" />
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="57" />
        <source>Member number or phone</source>
        <translation>会员号或手机号</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="61" />
        <source>Show (Enter)</source>
        <translation>查询 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="63" />
        <source>Verify the chain</source>
        <translation>校验日志链</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="64" />
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="79" />
        <source>Choose an entry to read all of it.</source>
        <translation>选择一条记录查看全部内容。</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="103" />
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="109" />
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="111" />
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="113" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="115" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="117" />
        <source>Until</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="153" />
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="157" />
        <source>All actions</source>
        <translation>所有操作</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="181" />
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="192" />
        <source>No entry matches.</source>
        <translation>没有符合条件的记录。</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="196" />
        <source>{count} entries shown; scroll down for older ones.</source>
        <translation>已显示 {count} 条；向下滚动查看更早的记录。</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="200" />
        <source>{count} entries.</source>
        <translation>共 {count} 条。</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="215" />
        <source>Entry {seq}</source>
        <translation>第 {seq} 条</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="216" />
        <source>When: {at}</source>
        <translation>时间：{at}</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="217" />
        <source>Staff: {name}</source>
        <translation>员工：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="218" />
        <source>Action: {action} ({code})</source>
        <translation>操作：{action}（{code}）</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="221" />
        <source>About: {subject}</source>
        <translation>对象：{subject}</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="222" />
        <source>Reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="225" />
        <source>Details:</source>
        <translation>详情：</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="235" />
        <source>Checking every entry…</source>
        <translation>正在逐条校验…</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="243" />
        <source>The audit log is intact: all {count} entries check.</source>
        <translation>审计日志完好：全部 {count} 条校验通过。</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="252" />
        <source>The audit log is NOT intact. {breaks}</source>
        <translation>审计日志已被改动！{breaks}</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="257" />
        <source>Entry {seq} is missing.</source>
        <translation>第 {seq} 条缺失。</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="258" />
        <source>Entry {seq} was changed after it was written.</source>
        <translation>第 {seq} 条在写入后被修改。</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="260" />
        <source>Entries up to {seq} were written, but later ones are gone.</source>
        <translation>曾写入到第 {seq} 条，但后面的记录不见了。</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="262" />
        <source>Entry {seq} is not the entry that was written.</source>
        <translation>第 {seq} 条不是当初写入的那条。</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="264" />
        <source>The newest entry ({seq}) is not recorded outside the database.</source>
        <translation>最新一条（第 {seq} 条）没有在数据库之外留底。</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="276" />
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="276" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="304" />
        <source>{count} entries written to {file}.</source>
        <translation>已将 {count} 条记录写入 {file}。</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <location filename="../../ui/console/backups_page.py" line="82" />
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../ui/console/backups_page.py" line="82" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/console/backups_page.py" line="82" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/console/backups_page.py" line="82" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/console/backups_page.py" line="88" />
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../ui/console/backups_page.py" line="89" />
        <source>daily</source>
        <translation>每日自动</translation>
    </message>
    <message>
        <location filename="../../ui/console/backups_page.py" line="90" />
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location filename="../../ui/console/backups_page.py" line="92" />
        <source>other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <location filename="../../ui/console/backups_page.py" line="123" />
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../ui/console/backups_page.py" line="142" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/console/backups_page.py" line="143" />
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../ui/console/backups_page.py" line="145" />
        <source>Back up to a file…</source>
        <translation>备份到文件…</translation>
    </message>
    <message>
        <location filename="../../ui/console/backups_page.py" line="146" />
        <source>Restore the chosen backup…</source>
        <translation>恢复选中的备份…</translation>
    </message>
    <message>
        <location filename="../../ui/console/backups_page.py" line="147" />
        <source>Restore from a file…</source>
        <translation>从文件恢复…</translation>
    </message>
    <message>
        <location filename="../../ui/console/backups_page.py" line="152" />
        <source>A backup is made automatically once a day when someone signs in. A restore replaces every member, sale and point with the backup's; the database in use is copied here first, and the till closes afterwards.</source>
        <translation>每天有人登录时会自动备份一次。恢复会用备份中的会员、销售和积分替换现有的全部数据；恢复前会先把正在使用的数据库复制到这里，恢复后收银程序会关闭。</translation>
    </message>
    <message>
        <location filename="../../ui/console/backups_page.py" line="159" />
        <source>Daily backups to keep</source>
        <translation>保留的每日备份份数</translation>
    </message>
    <message>
        <location filename="../../ui/console/backups_page.py" line="197" />
        <source>A daily backup is due.</source>
        <translation>今天还没有自动备份。</translation>
    </message>
    <message>
        <location filename="../../ui/console/backups_page.py" line="199" />
        <source>Backups folder: {folder}. {due}</source>
        <translation>备份文件夹：{folder}。{due}</translation>
    </message>
    <message>
        <location filename="../../ui/console/backups_page.py" line="215" />
        <location filename="../../ui/console/backups_page.py" line="236" />
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../ui/console/backups_page.py" line="222" />
        <source>Back up to a file</source>
        <translation>备份到文件</translation>
    </message>
    <message>
        <location filename="../../ui/console/backups_page.py" line="243" />
        <source>Backed up to {file} ({size}).</source>
        <translation>已备份到 {file}（{size}）。</translation>
    </message>
    <message>
        <location filename="../../ui/console/backups_page.py" line="258" />
        <source>The newest {count} daily backups are kept.</source>
        <translation>将保留最近的 {count} 份每日备份。</translation>
    </message>
    <message>
        <location filename="../../ui/console/backups_page.py" line="266" />
        <source>Choose a backup in the list first.</source>
        <translation>请先在列表中选择一个备份。</translation>
    </message>
    <message>
        <location filename="../../ui/console/backups_page.py" line="274" />
        <location filename="../../ui/console/backups_page.py" line="297" />
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../ui/console/backups_page.py" line="224" />
        <location filename="../../ui/console/backups_page.py" line="274" />
        <source>Databases (*.db);;All files (*)</source>
        <translation>数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/console/backups_page.py" line="288" />
        <source>Checking {file}…</source>
        <translation>正在检查 {file}…</translation>
    </message>
    <message>
        <location filename="../../ui/console/backups_page.py" line="300" />
        <source>Replace the database with {file}? It holds {members} members. Everything recorded since that backup is taken out (a copy of the database in use is kept in the backups folder). The till closes when it is done; start it again.</source>
        <translation>要用 {file} 替换数据库吗？其中有 {members} 位会员。该备份之后记录的所有内容都会被撤掉（正在使用的数据库会先复制一份到备份文件夹）。完成后收银程序会关闭，请重新启动。</translation>
    </message>
    <message>
        <location filename="../../ui/console/backups_page.py" line="312" />
        <source>Nothing was restored.</source>
        <translation>没有恢复任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/console/backups_page.py" line="315" />
        <source>Restoring… do not switch the computer off.</source>
        <translation>正在恢复…请不要关闭电脑。</translation>
    </message>
    <message>
        <location filename="../../ui/console/backups_page.py" line="323" />
        <source>Restored {file}. The database replaced was kept as {copy}.</source>
        <translation>已恢复 {file}。被替换的数据库已保存为 {copy}。</translation>
    </message>
    <message>
        <location filename="../../ui/console/backups_page.py" line="335" />
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <location filename="../../ui/console/backups_page.py" line="337" />
        <source>The backup is restored ({members} members). The till closes now: start it again to go on.</source>
        <translation>备份已恢复（{members} 位会员）。收银程序现在关闭，请重新启动后继续。</translation>
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
        <location filename="../../ui/console/pages.py" line="37" />
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/console/pages.py" line="38" />
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../ui/console/pages.py" line="40" />
        <source>Backups</source>
        <translation>备份</translation>
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
        <location filename="../../ui/main_window.py" line="132" />
        <source>Loyalty till — DEMO</source>
        <translation>会员收银台 — 演示</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132" />
        <source>Loyalty till</source>
        <translation>会员收银台</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137" />
        <source>Sign out (Ctrl+L)</source>
        <translation>退出登录 (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="134" />
        <source>DEMO — sample data, not a real shop</source>
        <translation>演示 — 示例数据，不是真实门店</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135" />
        <source>Settings (F10)</source>
        <translation>设置 (F10)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="136" />
        <source>Back office (F11)</source>
        <translation>后台管理 (F11)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="185" />
        <source>cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="186" />
        <source>manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187" />
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190" />
        <source>Signed in: {name} ({role})</source>
        <translation>已登录：{name}（{role}）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="221" />
        <source>The back office is for managers.</source>
        <translation>后台管理仅供店长使用。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="260" />
        <source>Finish or clear the sale in progress (Esc) before changing the language.</source>
        <translation>请先完成或清空当前这笔销售（Esc），再切换语言。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="332" />
        <source>That was a payment code ({kind}), not a receipt.</source>
        <translation>这是付款码（{kind}），不是小票。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="335" />
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
</TS>