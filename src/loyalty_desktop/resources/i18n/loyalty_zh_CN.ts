<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/screens/about.py" line="28" />
        <source>About loyalty-desktop</source>
        <translation>关于 loyalty-desktop</translation>
    </message>
    <message>
        <location filename="../../ui/screens/about.py" line="30" />
        <source>When you call for support, copy these lines into your message.</source>
        <translation>联系技术支持时，请把下面这些内容复制到您的消息里。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/about.py" line="39" />
        <source>Copy to clipboard</source>
        <translation>复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../ui/screens/about.py" line="53" />
        <source>Copied. Paste it into your message to support.</source>
        <translation>已复制。请粘贴到发给技术支持的消息里。</translation>
    </message>
</context>
<context>
    <name>AddStaffDialog</name>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="102" />
        <source>Add staff</source>
        <translation>添加员工</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="102" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="109" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="110" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="117" />
        <source>Type the name.</source>
        <translation>请输入姓名。</translation>
    </message>
</context>
<context>
    <name>AdjustDialog</name>
    <message>
        <location filename="../../ui/console/member_actions.py" line="151" />
        <source>Correct the points of {number}</source>
        <translation>调整会员 {number} 的积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="159" />
        <source>Required: why the points change</source>
        <translation>必填：积分变动的原因</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="161" />
        <source>Points now</source>
        <translation>当前积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="161" />
        <source>{points} points</source>
        <translation>{points} 积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="163" />
        <source>Add (negative takes away)</source>
        <translation>增加（负数为扣减）</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="164" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="172" />
        <source>Give a reason first</source>
        <translation>请先填写原因</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ui/wizard.py" line="142" />
        <source>The administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="145" />
        <source>The administrator adds the cashiers and managers later. Choose a PIN of at least 4 digits and keep it safe.</source>
        <translation>管理员以后再添加收银员和经理。请设置至少 4 位数字的 PIN 码，并妥善保管。</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="149" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="149" />
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="149" />
        <source>PIN again</source>
        <translation>再次输入 PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="164" />
        <source>The two PINs differ; type them again.</source>
        <translation>两次输入的 PIN 码不一致，请重新输入。</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../ui/console/audit_model.py" line="141" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="142" />
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="143" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="144" />
        <source>About</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="145" />
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
        <location filename="../../ui/console/audit_model.py" line="51" />
        <source>Members imported</source>
        <translation>导入会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="52" />
        <source>Past sales imported</source>
        <translation>导入历史销售</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="53" />
        <source>Products imported</source>
        <translation>导入商品</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="54" />
        <source>Member profile edited</source>
        <translation>修改会员资料</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="55" />
        <source>Staff disabled</source>
        <translation>停用员工</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="56" />
        <source>Staff enabled</source>
        <translation>启用员工</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="57" />
        <source>Staff PIN reset</source>
        <translation>重置员工 PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="58" />
        <source>Staff role changed</source>
        <translation>更改员工角色</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="59" />
        <source>Till rules changed</source>
        <translation>修改收银规则</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="60" />
        <source>Event created</source>
        <translation>活动已创建</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="61" />
        <source>Survey answers imported</source>
        <translation>已导入满意度评价</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="62" />
        <source>Survey setting changed</source>
        <translation>满意度调查设置已更改</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="63" />
        <source>Offer created</source>
        <translation>创建优惠</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="64" />
        <source>Offer issued</source>
        <translation>发放优惠</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="65" />
        <source>Opted out of personalised offers</source>
        <translation>拒绝个性化优惠</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="68" />
        <source>Opted back in to personalised offers</source>
        <translation>重新接受个性化优惠</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="71" />
        <source>Suggestion options changed</source>
        <translation>推荐设置已更改</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="84" />
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
        <location filename="../../ui/console/audit_page.py" line="80" />
        <source>Choose an entry to read all of it.</source>
        <translation>选择一条记录查看全部内容。</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="104" />
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="110" />
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="112" />
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="114" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="116" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="118" />
        <source>Until</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="154" />
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="158" />
        <source>All actions</source>
        <translation>所有操作</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="182" />
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="193" />
        <source>No entry matches.</source>
        <translation>没有符合条件的记录。</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="197" />
        <source>{count} entries shown; scroll down for older ones.</source>
        <translation>已显示 {count} 条；向下滚动查看更早的记录。</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="202" />
        <source>Entries: {count}.</source>
        <translation>共 {count} 条。</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="217" />
        <source>Entry {seq}</source>
        <translation>第 {seq} 条</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="218" />
        <source>When: {at}</source>
        <translation>时间：{at}</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="219" />
        <source>Staff: {name}</source>
        <translation>员工：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="220" />
        <source>Action: {action} ({code})</source>
        <translation>操作：{action}（{code}）</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="223" />
        <source>About: {subject}</source>
        <translation>对象：{subject}</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="224" />
        <source>Reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="227" />
        <source>Details:</source>
        <translation>详情：</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="237" />
        <source>Checking every entry…</source>
        <translation>正在逐条校验…</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="245" />
        <source>The audit log is intact: all {count} entries check.</source>
        <translation>审计日志完好：全部 {count} 条校验通过。</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="254" />
        <source>The audit log is NOT intact. {breaks}</source>
        <translation>审计日志已被改动！{breaks}</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="259" />
        <source>Entry {seq} is missing.</source>
        <translation>第 {seq} 条缺失。</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="260" />
        <source>Entry {seq} was changed after it was written.</source>
        <translation>第 {seq} 条在写入后被修改。</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="262" />
        <source>Entries up to {seq} were written, but later ones are gone.</source>
        <translation>曾写入到第 {seq} 条，但后面的记录不见了。</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="264" />
        <source>Entry {seq} is not the entry that was written.</source>
        <translation>第 {seq} 条不是当初写入的那条。</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="266" />
        <source>The newest entry ({seq}) is not recorded outside the database.</source>
        <translation>最新一条（第 {seq} 条）没有在数据库之外留底。</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="278" />
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="278" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_page.py" line="306" />
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
        <location filename="../../ui/console/backups_page.py" line="224" />
        <location filename="../../ui/console/backups_page.py" line="274" />
        <source>Databases (*.db);;All files (*)</source>
        <translation>数据库 (*.db);;所有文件 (*)</translation>
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
        <location filename="../../ui/screens/checkout.py" line="787"/>
        <source> — F12 completes the sale without points</source>
        <translation> — 按 F12 不用积分完成销售</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="120" />
        <source>Scan card, or number / phone + Enter</source>
        <translation>扫码 / 卡号 / 手机号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="122" />
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="125" />
        <source>No camera</source>
        <translation>无摄像头</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="127" />
        <source>No camera was found on this PC: use the scanner or type the number</source>
        <translation>本机没有摄像头：请用扫码枪或输入卡号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="139" />
        <source>New member (F4)</source>
        <translation>新会员 (F4)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="141" />
        <source>Item code</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="146" />
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="150" />
        <source>Add line (Enter)</source>
        <translation>添加 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="159" />
        <source> points</source>
        <translation> 积分</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="161" />
        <source>Use points (F9)</source>
        <translation>用积分 (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="165" />
        <source>Money off the chosen line (the last one unless you pick another)</source>
        <translation>所选商品行减免的金额（默认最后一行，可在清单中另选）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="177" />
        <source>Complete sale (F12)</source>
        <translation>完成结账 (F12)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="179" />
        <source>New customer (Esc)</source>
        <translation>下一位顾客 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="180" />
        <source>Refund (F7)</source>
        <translation>退款 (F7)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="204" />
        <source>Pay with points</source>
        <translation>积分抵扣</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="207" />
        <source>Line discount (F5)</source>
        <translation>单品折扣 (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="209" />
        <source>Order discount (F6)</source>
        <translation>整单折扣 (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="453" />
        <source>That was a payment code ({kind}), not a member card or an item.</source>
        <translation>这是付款码（{kind}），不是会员码，也不是商品条码。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="347" />
        <source>Several members match: choose one and press Enter.</source>
        <translation>有多位会员匹配：请选择一位后按回车。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="391" />
        <source>Completing the sale: wait a moment.</source>
        <translation>正在完成结账，请稍候。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="430" />
        <source>{sku} is sold at its catalogue price {price}.</source>
        <translation>{sku} 按目录价 {price} 销售。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="468" />
        <source> — type its price</source>
        <translation> — 请输入单价</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="463" />
        <source>Returns go through Refund (F7) with a manager.</source>
        <translation>退货请用“退款 (F7)”，需店长确认。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="483" />
        <source>Type an item code and its price.</source>
        <translation>请输入商品编码和单价。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="502" />
        <source>Ring up an item first, then give it a discount.</source>
        <translation>请先录入商品，再给它打折。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="529" />
        <source>No reward on Alt+{number}.</source>
        <translation>Alt+{number} 没有对应的兑换礼品。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="535" />
        <source>{name} needs {points} points; the member can spend {spendable}.</source>
        <translation>{name} 需要 {points} 积分；该会员可用 {spendable} 积分。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="584" />
        <source>The basket from before is back (Esc clears it).</source>
        <translation>之前未完成的购物清单已恢复（按 Esc 清空）。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="632" />
        <source>The total is ready: check it and press F12.</source>
        <translation>金额已算好：请核对后按 F12。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="654" />
        <source>Lines: {count}</source>
        <translation>共 {count} 行</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="659" />
        <source>Subtotal {amount}</source>
        <translation>小计 {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="662" />
        <source>Tier discount −{amount}</source>
        <translation>等级折扣 −{amount}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="668" />
        <source>Discount −{amount}</source>
        <translation>折扣 −{amount}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="673" />
        <source>Coupon −{amount}</source>
        <translation>优惠券 −{amount}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="678" />
        <source>Coupon +{points} points</source>
        <translation>优惠券 +{points} 积分</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="682" />
        <source>{points} points pay −{amount}</source>
        <translation>{points} 积分抵 −{amount}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="691" />
        <source>To pay {amount} {currency}</source>
        <translation>应付 {amount} {currency}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="696" />
        <source>Earns {earned} points · balance after {points}</source>
        <translation>本单得 {earned} 积分 · 结账后余额 {points}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="713" />
        <source>An item is typed but not added: Enter adds it, or clear it.</source>
        <translation>有商品已输入但未添加：按 Enter 添加，或清除它。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="719" />
        <source>A line discount is typed but not taken: press Enter on it.</source>
        <translation>单品折扣已输入但未生效：请在该栏按 Enter。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="725" />
        <source>Scan the member's card first.</source>
        <translation>请先扫描会员卡。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="730" />
        <source>Working out the total: press F12 again when it shows.</source>
        <translation>正在计算金额：显示后请再按一次 F12。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="749" />
        <source>Sale {sale} done: paid {paid} {currency}, earned {earned}, redeemed {redeemed}; balance {points} points, tier {tier}.</source>
        <translation>单号 {sale} 已完成：实付 {paid} {currency}，获得 {earned} 积分，使用 {redeemed} 积分；余额 {points} 积分，等级 {tier}。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="775" />
        <source> — F4 enrols a new member</source>
        <translation> — 按 F4 登记新会员</translation>
    </message>
</context>
<context>
    <name>ChurnView</name>
    <message>
        <location filename="../../ui/console/reports/churn_page.py" line="63" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/churn_page.py" line="68" />
        <source>Stops buying within</source>
        <translation>多少天内不再购买</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/churn_page.py" line="84" />
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/churn_page.py" line="88" />
        <source>Churn risk</source>
        <translation>流失风险</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/churn_page.py" line="97" />
        <source>Risk is the chance a member buys nothing in the days ahead, learnt from what members did before the end of the period.</source>
        <translation>风险是会员在未来这段时间内不再购买的概率，根据会员在期末之前的行为学习得出。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/churn_page.py" line="127" />
        <location filename="../../ui/console/reports/churn_page.py" line="214" />
        <source>Members by risk of stopping</source>
        <translation>按流失风险分布的会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/churn_page.py" line="133" />
        <source>Not enough history for a churn model</source>
        <translation>历史数据不足以建立流失模型</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/churn_page.py" line="147" />
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/churn_page.py" line="158" />
        <source>The model ranks who stops buying correctly {auc} of the time (AUC); recency alone: {recency}; BG/NBD: {bgnbd}. Tested on {members} members as of {day}.</source>
        <translation>模型对谁会停止购买的排序有 {auc} 的时候是正确的（AUC）；仅看最近购买：{recency}；BG/NBD：{bgnbd}。以 {day} 的 {members} 位会员检验。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/churn_page.py" line="171" />
        <source>Computed by the nightly job as of {time} today; nothing has been sold, refunded or changed since.</source>
        <translation>由夜间任务按今天 {time} 的数据计算；此后没有新的销售、退款或其他变动。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/churn_page.py" line="180" />
        <source>Not enough history for a churn model yet: {members} members had bought by {day}; it needs at least {needed}. Choose a later period or a shorter horizon.</source>
        <translation>历史数据还不足以建立流失模型：截至 {day} 有 {members} 位会员购买过，至少需要 {needed} 位。请选择较晚的期间或较短的预测范围。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/churn_page.py" line="184" />
        <source>Not enough history for a churn model yet: of {members} members on {day}, {churned} bought nothing in the next {days} days; it needs at least {needed} who came back and {needed} who did not. Try another horizon.</source>
        <translation>历史数据还不足以建立流失模型：{day} 的 {members} 位会员中，有 {churned} 位在之后 {days} 天内没有购买；至少需要 {needed} 位回购和 {needed} 位未回购的会员。请尝试其他预测范围。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/churn_page.py" line="197" />
        <source>Member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/churn_page.py" line="199" />
        <source>Risk of stopping (%)</source>
        <translation>流失风险（%）</translation>
    </message>
</context>
<context>
    <name>ClvView</name>
    <message>
        <location filename="../../ui/console/reports/clv_page.py" line="72" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/clv_page.py" line="76" />
        <source>Look ahead</source>
        <translation>预测范围</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/clv_page.py" line="82" />
        <source>What the model learnt</source>
        <translation>模型的结论</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/clv_page.py" line="83" />
        <source>Rule of thumb (seed formula)</source>
        <translation>经验公式（种子公式）</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/clv_page.py" line="84" />
        <source>Members by lifetime value</source>
        <translation>按终身价值排列的会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/clv_page.py" line="106" />
        <source>Lifetime value</source>
        <translation>终身价值</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/clv_page.py" line="115" />
        <source>Lifetime value is what a member is expected to spend over the days ahead: expected purchases (BG/NBD) times expected spend per purchase (Gamma-Gamma), learnt from purchases up to the end of the period.</source>
        <translation>终身价值是会员在未来这段时间内的预期消费：预期购买次数（BG/NBD）乘以每次预期消费（Gamma-Gamma），根据截至期末的购买记录学习得出。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/clv_page.py" line="145" />
        <source>Not enough history to fit the models yet: {why}</source>
        <translation>历史数据还不足以拟合模型：{why}</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/clv_page.py" line="164" />
        <source>A typical member buys every</source>
        <translation>典型会员购买间隔</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/clv_page.py" line="165" />
        <source>{n} weeks</source>
        <translation>{n} 周</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/clv_page.py" line="166" />
        <source>While they still shop here (BG/NBD: alpha / r)</source>
        <translation>在他们仍在本店购物期间（BG/NBD：alpha / r）</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/clv_page.py" line="170" />
        <source>Chance of stopping after a purchase</source>
        <translation>每次购买后流失的概率</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/clv_page.py" line="172" />
        <source>The average chance a member never comes back (BG/NBD: a / (a + b))</source>
        <translation>会员不再回来的平均概率（BG/NBD：a / (a + b)）</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/clv_page.py" line="176" />
        <source>Typical spend per purchase</source>
        <translation>每次购买的典型消费</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/clv_page.py" line="178" />
        <source>Gamma-Gamma: p × gamma / (q − 1)</source>
        <translation>Gamma-Gamma：p × gamma / (q − 1)</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/clv_page.py" line="182" />
        <source>Expected spend, all members</source>
        <translation>全部会员预期消费</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/clv_page.py" line="184" />
        <source>The sum of the members' lifetime values over the days ahead</source>
        <translation>未来这段时间内所有会员终身价值之和</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/clv_page.py" line="191" />
        <source>Average purchase</source>
        <translation>平均每次消费</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/clv_page.py" line="194" />
        <source>Purchases per month</source>
        <translation>每月购买次数</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/clv_page.py" line="199" />
        <source>Retention</source>
        <translation>留存率</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/clv_page.py" line="202" />
        <source>Of the members who bought in one {n}-day period, those who came back in the next</source>
        <translation>在一个 {n} 天周期内购买过的会员中，下一周期再次购买的比例</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/clv_page.py" line="205" />
        <source>Lifetime (months)</source>
        <translation>生命周期（月）</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/clv_page.py" line="208" />
        <location filename="../../ui/console/reports/clv_page.py" line="252" />
        <source>Seed CLV</source>
        <translation>种子公式 CLV</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/clv_page.py" line="210" />
        <source>Average purchase × purchases per month × retention × lifetime</source>
        <translation>平均每次消费 × 每月购买次数 × 留存率 × 生命周期</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/clv_page.py" line="225" />
        <source>Member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/clv_page.py" line="226" />
        <source>Repeat purchases</source>
        <translation>重复购买次数</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/clv_page.py" line="228" />
        <source>Expected purchases</source>
        <translation>预期购买次数</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/clv_page.py" line="234" />
        <source>Still a customer (%)</source>
        <translation>仍是顾客的概率（%）</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/clv_page.py" line="240" />
        <source>Expected spend per purchase</source>
        <translation>每次预期消费</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/clv_page.py" line="246" />
        <source>CLV</source>
        <translation>CLV</translation>
    </message>
</context>
<context>
    <name>ConsolePages</name>
    <message>
        <location filename="../../ui/console/pages.py" line="47" />
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/console/pages.py" line="49" />
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/pages.py" line="52" />
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/console/pages.py" line="54" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/console/pages.py" line="56" />
        <source>Programme</source>
        <translation>积分方案</translation>
    </message>
    <message>
        <location filename="../../ui/console/pages.py" line="58" />
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../ui/console/pages.py" line="61" />
        <source>Till rules</source>
        <translation>收银规则</translation>
    </message>
    <message>
        <location filename="../../ui/console/pages.py" line="64" />
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../ui/console/pages.py" line="66" />
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../ui/console/pages.py" line="69" />
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ui/console/pages.py" line="71" />
        <source>Events</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../ui/console/pages.py" line="72" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../ui/console/pages.py" line="73" />
        <source>Offers</source>
        <translation>优惠</translation>
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
    <name>CouponDesk</name>
    <message>
        <location filename="../../ui/screens/coupon_desk.py" line="46" />
        <source>{value} off</source>
        <translation>立减 {value}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/coupon_desk.py" line="47" />
        <source>{value}% off</source>
        <translation>立减 {value}%</translation>
    </message>
    <message>
        <location filename="../../ui/screens/coupon_desk.py" line="48" />
        <source>{value}× points</source>
        <translation>{value} 倍积分</translation>
    </message>
    <message>
        <location filename="../../ui/screens/coupon_desk.py" line="49" />
        <source>{value} bonus points</source>
        <translation>额外 {value} 积分</translation>
    </message>
    <message>
        <location filename="../../ui/screens/coupon_desk.py" line="52" />
        <source>a free {value}</source>
        <translation>免费 {value} 一件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/coupon_desk.py" line="75" />
        <source>Coupon on file: {offer} — {gives} (Alt+0 uses it)</source>
        <translation>会员有优惠券：{offer} — {gives}（Alt+0 使用）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/coupon_desk.py" line="79" />
        <source> · {n} more</source>
        <translation> · 另有 {n} 张</translation>
    </message>
    <message>
        <location filename="../../ui/screens/coupon_desk.py" line="94" />
        <source>Scan the member's card before their coupon.</source>
        <translation>请先扫描会员卡，再扫优惠券。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/coupon_desk.py" line="107" />
        <source>✓ Coupon: {offer} — {gives} (Alt+0 removes it)</source>
        <translation>✓ 优惠券：{offer} — {gives}（Alt+0 取消）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/coupon_desk.py" line="112" />
        <source>Coupon checked: it is applied to this sale.</source>
        <translation>优惠券有效，已用于本单。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/coupon_desk.py" line="117" />
        <source>✗ Coupon refused: {why}</source>
        <translation>✗ 优惠券不能使用：{why}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/coupon_desk.py" line="130" />
        <source>Coupon removed from this sale.</source>
        <translation>已从本单取消优惠券。</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../ui/crash.py" line="29" />
        <source>Something went wrong that the program did not expect.

Sales already completed are saved. If a sale was in progress, check its basket before taking payment again.

The details are in the log file; please send it to support:
{log}</source>
        <translation>程序遇到了一个意外错误。

已完成的销售都已保存。如果有正在进行的销售，请先核对购物篮，再重新收款。

详细信息记录在日志文件中，请发给技术支持：
{log}</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="49" />
        <source>The program met an error</source>
        <translation>程序出错了</translation>
    </message>
</context>
<context>
    <name>DashboardFigures</name>
    <message>
        <location filename="../../ui/console/reports/dashboard_figures.py" line="41" />
        <source>(all stores: members shop anywhere)</source>
        <translation>（全部门店：会员可在任一门店消费）</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard_figures.py" line="50" />
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard_figures.py" line="52" />
        <source>Active members at the end of the period</source>
        <translation>期末的有效会员数</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard_figures.py" line="62" />
        <source>New members</source>
        <translation>新会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard_figures.py" line="64" />
        <source>Members who joined in the period</source>
        <translation>本期入会的会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard_figures.py" line="72" />
        <source>Buying members</source>
        <translation>消费会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard_figures.py" line="74" />
        <source>Members who bought at least once in the period</source>
        <translation>本期至少消费过一次的会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard_figures.py" line="83" />
        <source>Repurchase rate</source>
        <translation>复购率</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard_figures.py" line="85" />
        <source>Share of buying members with two purchases or more in the period</source>
        <translation>本期消费两次及以上的会员占消费会员的比例</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard_figures.py" line="95" />
        <source>Revenue ({currency})</source>
        <translation>销售额（{currency}）</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard_figures.py" line="99" />
        <source>Sales in the period, less the refunds made in it</source>
        <translation>本期销售额，已扣除本期退款</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard_figures.py" line="108" />
        <source>Average basket ({currency})</source>
        <translation>客单价（{currency}）</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard_figures.py" line="112" />
        <source>Revenue per sale</source>
        <translation>每笔销售的平均金额</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard_figures.py" line="119" />
        <source>Member share of sales</source>
        <translation>会员销售占比</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard_figures.py" line="121" />
        <source>Share of the revenue from sales with a member card</source>
        <translation>刷会员卡的销售额占总销售额的比例</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard_figures.py" line="130" />
        <source>Points outstanding</source>
        <translation>未用积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard_figures.py" line="132" />
        <source>Points members hold that have not lapsed, at the end of the period</source>
        <translation>期末会员持有且未过期的积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard_figures.py" line="143" />
        <source>Points liability ({currency})</source>
        <translation>积分负债（{currency}）</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard_figures.py" line="147" />
        <source>What the points outstanding are worth when spent</source>
        <translation>未用积分全部使用时的抵扣金额</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard_figures.py" line="157" />
        <source>Points issued</source>
        <translation>发放积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard_figures.py" line="159" />
        <source>Points earned on sales and awarded in the period</source>
        <translation>本期消费获得和活动奖励的积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard_figures.py" line="168" />
        <source>Points redeemed</source>
        <translation>已用积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard_figures.py" line="170" />
        <source>Points spent in the period</source>
        <translation>本期使用的积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard_figures.py" line="177" />
        <source>Points expired</source>
        <translation>过期积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard_figures.py" line="179" />
        <source>Points that lapsed in the period</source>
        <translation>本期过期的积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard_figures.py" line="181" />
        <source>(not kept per store)</source>
        <translation>（不按门店统计）</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="71" />
        <source>By week</source>
        <translation>按周</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="72" />
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="75" />
        <source>Click a bar to see only that week or month</source>
        <translation>点击柱条，只看那一周或那个月</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="83" />
        <source>Sales by period</source>
        <translation>分期销售</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="84" />
        <source>Best customers in the period</source>
        <translation>本期消费最多的会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="89" />
        <source>Group sales</source>
        <translation>销售汇总</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="119" />
        <location filename="../../ui/console/reports/dashboard.py" line="120" />
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="129" />
        <source>Dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="175" />
        <source>Sales are those of {store}. Members, points outstanding and the liability are the whole shop's: members shop at any store.</source>
        <translation>销售数据只计 {store}。会员数、未用积分和积分负债按全店统计：会员可在任一门店消费。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="189" />
        <source>Revenue by week ({currency})</source>
        <translation>每周销售额（{currency}）</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="191" />
        <source>Revenue by month ({currency})</source>
        <translation>每月销售额（{currency}）</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="194" />
        <source>No sales in this period</source>
        <translation>本期没有销售</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="201" />
        <source>Members' sales</source>
        <translation>会员销售</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="205" />
        <source>Other sales</source>
        <translation>非会员销售</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="215" />
        <source>Points lapsing by month</source>
        <translation>每月到期积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="217" />
        <source>No points lapse in the next 12 months</source>
        <translation>未来 12 个月没有积分到期</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="222" />
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="236" />
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="237" />
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="238" />
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="239" />
        <source>Sales</source>
        <translation>笔数</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="241" />
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="247" />
        <source>Members' revenue</source>
        <translation>会员销售额</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="254" />
        <source>Member share (%)</source>
        <translation>会员占比 (%)</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="260" />
        <source>Avg basket</source>
        <translation>客单价</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="269" />
        <source>Week of {day}</source>
        <translation>{day} 这一周</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="277" />
        <source>Member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="278" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="279" />
        <source>Purchases</source>
        <translation>消费次数</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="281" />
        <source>Spend</source>
        <translation>消费金额</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="307" />
        <source>Figures</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="308" />
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="308" />
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/dashboard.py" line="308" />
        <source>As shown</source>
        <translation>显示值</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <location filename="../../ui/wizard.py" line="207" />
        <source>Your data</source>
        <translation>您的数据</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="209" />
        <source>Start with an empty shop, or try the program on a demo shop first.</source>
        <translation>从空白店铺开始，或者先用演示店铺试用本程序。</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="211" />
        <source>Start with an empty shop</source>
        <translation>从空白店铺开始</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="213" />
        <source>Start with demo data (300 members and a year of sales, in yuan)</source>
        <translation>使用演示数据开始（300 名会员和一年的销售记录，以人民币计）</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="215" />
        <location filename="../../ui/wizard.py" line="228" />
        <source>The shop's database file</source>
        <translation>店铺的数据库文件</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="216" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="219" />
        <source>Keep it on this computer's own disk. Backups are made next to it every day; copy them to a USB stick or another computer now and then.</source>
        <translation>请放在本电脑自己的硬盘上。程序每天在它旁边做备份；请不时把备份复制到 U 盘或另一台电脑上。</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="223" />
        <source>Every user of this computer opens this shop (a shared till)</source>
        <translation>这台电脑的每个用户都打开这家店（共用收银台）</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="241" />
        <source>Only an administrator of this computer can set up a shared till. Start the program as administrator once, or untick the shared till.</source>
        <translation>只有这台电脑的管理员才能设置共用收银台。请以管理员身份启动一次本程序，或取消勾选共用收银台。</translation>
    </message>
</context>
<context>
    <name>EditProfileDialog</name>
    <message>
        <location filename="../../ui/console/member_actions.py" line="92" />
        <source>Edit member {number}</source>
        <translation>修改会员 {number} 的资料</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="99" />
        <source>YYYY-MM-DD, or empty</source>
        <translation>YYYY-MM-DD，或留空</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="100" />
        <source>Agrees to marketing use of their data</source>
        <translation>同意将其资料用于营销</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="102" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="103" />
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="104" />
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="105" />
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="108" />
        <source>Gets personalised offers</source>
        <translation>接受个性化优惠</translation>
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
    <name>EventTableModel</name>
    <message>
        <location filename="../../ui/console/events_model.py" line="45" />
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../ui/console/events_model.py" line="46" />
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/console/events_model.py" line="47" />
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../ui/console/events_model.py" line="48" />
        <source>Tiers</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/console/events_model.py" line="49" />
        <source>Signed up</source>
        <translation>已报名</translation>
    </message>
    <message>
        <location filename="../../ui/console/events_model.py" line="50" />
        <source>Checked in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <location filename="../../ui/console/events_model.py" line="75" />
        <source>All tiers</source>
        <translation>所有等级</translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <location filename="../../ui/console/events_page.py" line="51" />
        <source>Events</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../ui/console/events_page.py" line="55" />
        <source>Member-only events: choose one, sign members up, and at the door scan their card. Attendance points are given once, however often a card is scanned.</source>
        <translation>会员专属活动：选中一个活动，为会员报名；入场时扫会员卡签到。无论扫几次，出席积分只给一次。</translation>
    </message>
    <message>
        <location filename="../../ui/console/events_page.py" line="71" />
        <source>Scan the member's card, or type their number</source>
        <translation>扫会员卡，或输入会员号</translation>
    </message>
    <message>
        <location filename="../../ui/console/events_page.py" line="74" />
        <source>Member number, phone or card</source>
        <translation>会员号、手机号或会员卡</translation>
    </message>
    <message>
        <location filename="../../ui/console/events_page.py" line="75" />
        <source>Sign up</source>
        <translation>报名</translation>
    </message>
    <message>
        <location filename="../../ui/console/events_page.py" line="77" />
        <source>Door check-in:</source>
        <translation>入场签到：</translation>
    </message>
    <message>
        <location filename="../../ui/console/events_page.py" line="103" />
        <source>New event</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <location filename="../../ui/console/events_page.py" line="117" />
        <source>Empty: every tier; else names, comma-separated</source>
        <translation>留空表示所有等级；否则填写等级名，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/console/events_page.py" line="119" />
        <location filename="../../ui/console/events_page.py" line="150" />
        <source>No points</source>
        <translation>不给积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/events_page.py" line="120" />
        <source>Create event</source>
        <translation>创建活动</translation>
    </message>
    <message>
        <location filename="../../ui/console/events_page.py" line="123" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/console/events_page.py" line="126" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/console/events_page.py" line="129" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/console/events_page.py" line="130" />
        <source>Places</source>
        <translation>名额</translation>
    </message>
    <message>
        <location filename="../../ui/console/events_page.py" line="131" />
        <source>Open to tiers</source>
        <translation>限定等级</translation>
    </message>
    <message>
        <location filename="../../ui/console/events_page.py" line="132" />
        <source>Attendance points for</source>
        <translation>出席积分项目</translation>
    </message>
    <message>
        <location filename="../../ui/console/events_page.py" line="198" />
        <source>Choose an event first.</source>
        <translation>请先选择一个活动。</translation>
    </message>
    <message>
        <location filename="../../ui/console/events_page.py" line="211" />
        <source>Member {member_no} is already checked in (no more points).</source>
        <translation>会员 {member_no} 已签到过（不再加积分）。</translation>
    </message>
    <message>
        <location filename="../../ui/console/events_page.py" line="213" />
        <source>Welcome, member {member_no}: checked in, {earned} points.</source>
        <translation>欢迎，会员 {member_no}：已签到，获得 {earned} 积分。</translation>
    </message>
    <message>
        <location filename="../../ui/console/events_page.py" line="215" />
        <source>Welcome, member {member_no}: checked in; no points today ({why}).</source>
        <translation>欢迎，会员 {member_no}：已签到；今天没有积分（{why}）。</translation>
    </message>
    <message>
        <location filename="../../ui/console/events_page.py" line="217" />
        <source>Welcome, member {member_no}: checked in.</source>
        <translation>欢迎，会员 {member_no}：已签到。</translation>
    </message>
    <message>
        <location filename="../../ui/console/events_page.py" line="238" />
        <source>Signed up: member {member_no}.</source>
        <translation>已报名：会员 {member_no}。</translation>
    </message>
    <message>
        <location filename="../../ui/console/events_page.py" line="262" />
        <source>The event was created.</source>
        <translation>活动已创建。</translation>
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
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../ui/wizard.py" line="266" />
        <source>Set up loyalty-desktop</source>
        <translation>设置 loyalty-desktop</translation>
    </message>
</context>
<context>
    <name>GroupFilters</name>
    <message>
        <location filename="../../ui/console/reports/segment_filters.py" line="39" />
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_filters.py" line="42" />
        <source>Only members in this lifecycle stage at the period's end</source>
        <translation>只列出时段结束时处于此生命周期阶段的会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_filters.py" line="44" />
        <location filename="../../ui/console/reports/segment_filters.py" line="75" />
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_filters.py" line="45" />
        <source>Only members in this tier (as they are now)</source>
        <translation>只列出处于此等级的会员（按当前等级）</translation>
    </message>
</context>
<context>
    <name>HeldModel</name>
    <message>
        <location filename="../../ui/console/sync_page.py" line="73" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="73" />
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="73" />
        <source>Server's reason</source>
        <translation>服务器给出的原因</translation>
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
    <message>
        <location filename="../../ui/console/import_mapping.py" line="37" />
        <source>Score</source>
        <translation>评分</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../ui/console/import_page.py" line="83" />
        <location filename="../../ui/console/import_page.py" line="121" />
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
        <location filename="../../ui/console/import_page.py" line="89" />
        <source>Survey answers</source>
        <translation>满意度评价</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="92" />
        <source>A CSV file or an Excel workbook (.xlsx)</source>
        <translation>CSV 文件或 Excel 工作簿（.xlsx）</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="93" />
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="95" />
        <source>Detect</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="98" />
        <location filename="../../ui/console/import_page.py" line="251" />
        <source>UTF-8 with BOM</source>
        <translation>UTF-8（带 BOM）</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="99" />
        <location filename="../../ui/console/import_page.py" line="252" />
        <location filename="../../ui/console/import_page.py" line="253" />
        <source>GBK (Chinese)</source>
        <translation>GBK（简体中文）</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="111" />
        <source>First rows</source>
        <translation>前几行</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="112" />
        <source>Rejected rows</source>
        <translation>被拒绝的行</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="116" />
        <source>Columns (* every row needs it)</source>
        <translation>列对应（* 为每行必填）</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="118" />
        <source>Import valid rows only</source>
        <translation>只导入有效的行</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="119" />
        <source>Unticked, nothing is imported if any row is rejected.</source>
        <translation>不勾选时，只要有一行被拒绝，就什么都不导入。</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="120" />
        <source>Enrol unknown member numbers</source>
        <translation>为未知会员号办理会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="124" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="134" />
        <source>File holds</source>
        <translation>文件内容</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="139" />
        <source>Read as</source>
        <translation>读取编码</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="199" />
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="201" />
        <source>CSV or Excel (*.csv *.txt *.xlsx);;All files (*)</source>
        <translation>CSV 或 Excel (*.csv *.txt *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="212" />
        <source>Choose a file: its first rows show on the left. Its columns are matched to these fields by their headers (会员号, 手机, …); you can correct each one.

{fields}</source>
        <translation>请选择文件：文件的前几行会显示在左边。系统按表头（会员号、手机……）把各列对应到下列字段，每一项都可以修改。

{fields}</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="226" />
        <location filename="../../ui/console/import_page.py" line="332" />
        <location filename="../../ui/console/import_page.py" line="338" />
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="249" />
        <source>an Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="256" />
        <source>Read as {what}</source>
        <translation>按{what}读取</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="258" />
        <source>Detected: {what}</source>
        <translation>识别为：{what}</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="259" />
        <source>Read as {what}, as chosen</source>
        <translation>按所选的 {what} 读取</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="280" />
        <source>Choose a column for: {fields}</source>
        <translation>请为以下字段选择列：{fields}</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="300" />
        <location filename="../../ui/console/import_page.py" line="340" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="322" />
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="339" />
        <source>Checking rows…</source>
        <translation>正在检查各行…</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="341" />
        <source>Finishing…</source>
        <translation>即将完成…</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="358" />
        <source>Rejected rows ({n})</source>
        <translation>被拒绝的行（{n}）</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="367" />
        <source>A sale was refused while importing; the {n} row(s) before it were imported. Fix the rows listed and import the file again: rows already imported are skipped.</source>
        <translation>导入时有一笔销售被拒绝；在它之前的 {n} 行已经导入。请修改列出的行后再次导入该文件：已导入的行会自动跳过。</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="372" />
        <source>{n} row(s) cannot be imported, so nothing was imported. Fix them, or tick “Import valid rows only”.</source>
        <translation>有 {n} 行无法导入，所以什么都没有导入。请修改这些行，或勾选“只导入有效的行”。</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="375" />
        <source>Rows imported: {n}.</source>
        <translation>已导入 {n} 行。</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="377" />
        <source>Already there, skipped: {n}.</source>
        <translation>已存在而跳过 {n} 行。</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="379" />
        <source>Members enrolled: {n}.</source>
        <translation>新办会员 {n} 位。</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="381" />
        <source>Rows rejected (listed): {n}.</source>
        <translation>被拒绝 {n} 行（见列表）。</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="393" />
        <source>Stopped. The sales written before you pressed Cancel stay; import the same file again to finish (rows already imported are skipped).</source>
        <translation>已停止。按下取消之前写入的销售会保留；再次导入同一文件即可完成（已导入的行会自动跳过）。</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="398" />
        <source>Stopped. The members written before you pressed Cancel stay; import the same file again to finish (members already imported are skipped).</source>
        <translation>已停止。按下“取消”之前写入的会员会保留；再次导入同一个文件即可完成（已导入的会员会跳过）。</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_page.py" line="402" />
        <source>Cancelled. Nothing was imported.</source>
        <translation>已取消，什么都没有导入。</translation>
    </message>
</context>
<context>
    <name>LiabilityView</name>
    <message>
        <location filename="../../ui/console/reports/liability_page.py" line="52" />
        <source>{n} months</source>
        <translation>{n} 个月</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/liability_page.py" line="56" />
        <source>Click a month to find it in the table</source>
        <translation>点击月份，在表格中找到它</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/liability_page.py" line="61" />
        <source>Look ahead</source>
        <translation>预测范围</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/liability_page.py" line="75" />
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/liability_page.py" line="79" />
        <source>Points liability</source>
        <translation>积分负债</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/liability_page.py" line="88" />
        <source>Points belong to members, not to a store: these figures are for all stores, as they stood at the end of the period.</source>
        <translation>积分属于会员，不属于门店：以下数字为全部门店在期末的情况。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/liability_page.py" line="114" />
        <source>Points outstanding</source>
        <translation>未用积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/liability_page.py" line="117" />
        <source>Worth ({currency})</source>
        <translation>价值（{currency}）</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/liability_page.py" line="119" />
        <source>What the points are worth when spent</source>
        <translation>这些积分全部使用时的抵扣金额</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/liability_page.py" line="123" />
        <source>Lapsing within 3 months</source>
        <translation>3 个月内到期</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/liability_page.py" line="125" />
        <source>Points lapsing this month and the next two</source>
        <translation>本月和之后两个月到期的积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/liability_page.py" line="129" />
        <source>Lapsing later</source>
        <translation>之后到期</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/liability_page.py" line="131" />
        <source>Points lapsing after the months shown</source>
        <translation>在所列月份之后到期的积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/liability_page.py" line="133" />
        <source>Never lapse</source>
        <translation>永不过期</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/liability_page.py" line="136" />
        <source>Members owing points</source>
        <translation>积分为负的会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/liability_page.py" line="138" />
        <source>Members whose balance is below zero after refunds</source>
        <translation>因退货导致积分余额小于零的会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/liability_page.py" line="143" />
        <location filename="../../ui/console/reports/liability_page.py" line="201" />
        <source>Points lapsing by month</source>
        <translation>每月到期积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/liability_page.py" line="148" />
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/liability_page.py" line="151" />
        <source>No points lapse in the months shown</source>
        <translation>所列月份中没有积分到期</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/liability_page.py" line="173" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/liability_page.py" line="174" />
        <source>Points lapsing</source>
        <translation>到期积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/liability_page.py" line="176" />
        <source>Worth</source>
        <translation>价值</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/liability_page.py" line="182" />
        <source>Share of points (%)</source>
        <translation>占未用积分比例 (%)</translation>
    </message>
</context>
<context>
    <name>LifecycleTexts</name>
    <message>
        <location filename="../../ui/console/reports/lifecycle_texts.py" line="34" />
        <source>New</source>
        <translation>新客期</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_texts.py" line="35" />
        <source>Developing</source>
        <translation>成长期</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_texts.py" line="36" />
        <source>Loyal</source>
        <translation>忠诚期</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_texts.py" line="37" />
        <source>Declining</source>
        <translation>衰退期</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_texts.py" line="38" />
        <source>Lapsed</source>
        <translation>流失期</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_texts.py" line="39" />
        <source>Won back</source>
        <translation>回流</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_texts.py" line="42" />
        <source>Welcome them and give a reason for a second visit soon.</source>
        <translation>欢迎新会员，并给他们一个尽快再次光临的理由。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_texts.py" line="43" />
        <source>Build the habit: a tier goal within reach, bonus points.</source>
        <translation>培养消费习惯：设一个够得着的等级目标，给予奖励积分。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_texts.py" line="44" />
        <source>Reward and keep them: thanks, early access, referrals.</source>
        <translation>回馈并留住他们：致谢、新品抢先体验、邀请推荐。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_texts.py" line="45" />
        <source>Act before they lapse: a reminder of their points, an offer.</source>
        <translation>在流失前行动：提醒积分余额，送上一份优惠。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_texts.py" line="46" />
        <source>Win them back with a strong, time-limited offer.</source>
        <translation>用有力度的限时优惠把他们赢回来。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_texts.py" line="47" />
        <source>Make the return stick: thank them, follow up within weeks.</source>
        <translation>巩固回流：表示感谢，并在几周内跟进。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_texts.py" line="49" />
        <source>First purchase</source>
        <translation>首次购买</translation>
    </message>
</context>
<context>
    <name>LifecycleView</name>
    <message>
        <location filename="../../ui/console/reports/lifecycle_page.py" line="72" />
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_page.py" line="75" />
        <location filename="../../ui/console/reports/lifecycle_page.py" line="96" />
        <location filename="../../ui/console/reports/lifecycle_page.py" line="222" />
        <location filename="../../ui/console/reports/lifecycle_page.py" line="231" />
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_page.py" line="84" />
        <location filename="../../ui/console/reports/lifecycle_page.py" line="221" />
        <location filename="../../ui/console/reports/lifecycle_page.py" line="237" />
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_page.py" line="94" />
        <location filename="../../ui/console/reports/lifecycle_page.py" line="265" />
        <source>Stages</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_page.py" line="95" />
        <location filename="../../ui/console/reports/lifecycle_page.py" line="266" />
        <source>Stage flow</source>
        <translation>阶段流转</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_page.py" line="105" />
        <location filename="../../ui/console/reports/lifecycle_page.py" line="106" />
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_page.py" line="110" />
        <source>Lifecycle</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_page.py" line="115" />
        <source>Each member who has bought is in one stage as of the end of the period: new, developing, loyal, declining, lapsed or won back, by the programme's rules. The bars count members in each stage at the end of each month, and those whose stage changed in it.</source>
        <translation>每位购买过的会员在期末处于一个阶段：新客期、成长期、忠诚期、衰退期、流失期或回流，按会员方案的规则判断。柱状图显示每月末各阶段的会员数，以及当月阶段发生变化的会员数。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_page.py" line="145" />
        <source>Members in each stage at the end of the month</source>
        <translation>每月末各阶段会员数</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_page.py" line="146" />
        <source>Members who changed stage, by their new stage</source>
        <translation>阶段变化的会员（按新阶段）</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_page.py" line="158" />
        <source>No member had bought by the end of the period</source>
        <translation>截至期末没有会员购买过</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_page.py" line="174" />
        <source>No member changed stage in the period</source>
        <translation>期间内没有会员改变阶段</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_page.py" line="192" />
        <source>Members ({n})</source>
        <translation>会员（{n}）</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_page.py" line="194" />
        <source>Members in {stage} ({n})</source>
        <translation>{stage}的会员（{n}）</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_page.py" line="223" />
        <source>Suggested action</source>
        <translation>建议行动</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_page.py" line="228" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_page.py" line="229" />
        <source>From</source>
        <translation>原阶段</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_page.py" line="230" />
        <source>To</source>
        <translation>新阶段</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_page.py" line="236" />
        <source>Member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_page.py" line="238" />
        <source>First purchase</source>
        <translation>首次购买</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_page.py" line="239" />
        <source>Last purchase</source>
        <translation>最近购买</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_page.py" line="240" />
        <source>Days since last purchase</source>
        <translation>距上次购买天数</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_page.py" line="241" />
        <source>Recent purchase days</source>
        <translation>近期购买天数</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_page.py" line="243" />
        <source>Recent spend</source>
        <translation>近期消费</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/lifecycle_page.py" line="249" />
        <source>Spend in the window before</source>
        <translation>前一时段消费</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="164" />
        <source>Loyalty till — DEMO</source>
        <translation>会员收银台 — 演示</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="164" />
        <source>Loyalty till</source>
        <translation>会员收银台</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="169" />
        <source>Sign out (Ctrl+L)</source>
        <translation>退出登录 (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="166" />
        <source>DEMO — sample data, not a real shop</source>
        <translation>演示 — 示例数据，不是真实门店</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167" />
        <source>Settings (F10)</source>
        <translation>设置 (F10)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="168" />
        <source>Back office (F11)</source>
        <translation>后台管理 (F11)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="170" />
        <source>About (F1)</source>
        <translation>关于 (F1)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="238" />
        <source>cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="239" />
        <source>manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="240" />
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="243" />
        <source>Signed in: {name} ({role})</source>
        <translation>已登录：{name}（{role}）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="281" />
        <source>The back office is for managers.</source>
        <translation>后台管理仅供店长使用。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="320" />
        <source>Finish or clear the sale in progress (Esc) before changing the language.</source>
        <translation>请先完成或清空当前这笔销售（Esc），再切换语言。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="393" />
        <source>That was a payment code ({kind}), not a receipt.</source>
        <translation>这是付款码（{kind}），不是小票。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="396" />
        <source>That was a member card, not a receipt.</source>
        <translation>这是会员卡，不是小票。</translation>
    </message>
</context>
<context>
    <name>MappingForm</name>
    <message>
        <location filename="../../ui/console/import_mapping.py" line="73" />
        <source>— choose a column —</source>
        <translation>— 请选择列 —</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_mapping.py" line="75" />
        <source>(not in the file)</source>
        <translation>（文件中没有）</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_mapping.py" line="85" />
        <source>Every row needs this</source>
        <translation>每一行都必须有此项</translation>
    </message>
    <message>
        <location filename="../../ui/console/import_mapping.py" line="85" />
        <source>May be left out</source>
        <translation>可以不填</translation>
    </message>
</context>
<context>
    <name>MemberDetailDialog</name>
    <message>
        <location filename="../../ui/console/member_detail.py" line="69" />
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="75" />
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="84" />
        <source>Member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="85" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="86" />
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="87" />
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="88" />
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="89" />
        <source>Marketing consent</source>
        <translation>营销授权</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="90" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="91" />
        <source>Expiring soon</source>
        <translation>即将过期</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="98" />
        <source>Profile</source>
        <translation>资料</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="99" />
        <source>Edit profile…</source>
        <translation>修改资料…</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="100" />
        <source>Correct points…</source>
        <translation>调整积分…</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="101" />
        <source>Merge a duplicate…</source>
        <translation>合并重复会员…</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="102" />
        <source>Save card…</source>
        <translation>保存会员卡…</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="103" />
        <source>Print card…</source>
        <translation>打印会员卡…</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="104" />
        <source>Export data (JSON)…</source>
        <translation>导出资料 (JSON)…</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="105" />
        <source>Erase…</source>
        <translation>删除资料…</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="106" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="158" />
        <source>Points ledger</source>
        <translation>积分明细</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="159" />
        <source>Points lots</source>
        <translation>积分批次</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="160" />
        <source>Tier history</source>
        <translation>等级变化</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="161" />
        <source>Purchases</source>
        <translation>消费记录</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="162" />
        <source>Lifecycle stages</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="168" />
        <source>Likely to buy next</source>
        <translation>可能想买</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="175" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="176" />
        <source>Member {number}</source>
        <translation>会员 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="180" />
        <source>Tier {tier} · {points} points ({spendable} spendable) · lifetime spend {spend}</source>
        <translation>等级 {tier} · {points} 积分（可用 {spendable}）· 累计消费 {spend}</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="189" />
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="190" />
        <source>merged into another member</source>
        <translation>已合并到其他会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="191" />
        <source>erased (personal data removed)</source>
        <translation>已注销（个人资料已删除）</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="194" />
        <source>{points} on {day}</source>
        <translation>{day} 过期 {points}</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="203" />
        <source>yes: offers may use their data</source>
        <translation>同意：优惠活动可使用其资料</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="205" />
        <source>no: no marketing</source>
        <translation>不同意：不做营销</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="234" />
        <source>Profile saved.</source>
        <translation>资料已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="236" />
        <source>Nothing was changed.</source>
        <translation>没有任何改动。</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="247" />
        <source>Points corrected: now {points}.</source>
        <translation>积分已调整：现为 {points}。</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="258" />
        <source>Merged: now {points} points.</source>
        <translation>已合并：现有 {points} 积分。</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="269" />
        <source>Save the member card</source>
        <translation>保存会员卡</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="286" />
        <source>Card saved to {file}.</source>
        <translation>会员卡已保存到 {file}。</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="308" />
        <source>The card was sent to the printer.</source>
        <translation>会员卡已发送到打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="316" />
        <source>Export member data</source>
        <translation>导出会员资料</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="330" />
        <source>Exported to {file}.</source>
        <translation>已导出到 {file}。</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_detail.py" line="343" />
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
        <location filename="../../ui/console/member_model.py" line="94" />
        <source>Number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_model.py" line="95" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_model.py" line="96" />
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_model.py" line="97" />
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_model.py" line="98" />
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_model.py" line="99" />
        <source>Lifetime spend</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_model.py" line="100" />
        <source>Joined</source>
        <translation>入会日期</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_model.py" line="101" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_model.py" line="104" />
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_model.py" line="105" />
        <source>merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_model.py" line="106" />
        <source>erased</source>
        <translation>已注销</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_model.py" line="242" />
        <source>Masked: open the member to see the whole number</source>
        <translation>已隐藏部分号码：打开会员可查看完整号码</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_model.py" line="244" />
        <source>The member owes points; they cannot redeem until it is paid</source>
        <translation>该会员积分为负，补足前不能使用积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_model.py" line="274" />
        <source>Click to sort by this column</source>
        <translation>点击按此列排序</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="63" />
        <source>No member</source>
        <translation>未选会员</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="64" />
        <source>Scan the member's card or type a number or phone.</source>
        <translation>请扫描会员码，或输入卡号、手机号。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="72" />
        <source>no tier</source>
        <translation>无等级</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="80" />
        <source>Tier: {tier} — {needs} more to {next}</source>
        <translation>等级：{tier} — 再消费 {needs} 升至 {next}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="85" />
        <source>Tier: {tier}</source>
        <translation>等级：{tier}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="86" />
        <source>{points} points</source>
        <translation>{points} 积分</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="89" />
        <source>{points} points expire in the next 30 days</source>
        <translation>{points} 积分将在 30 天内过期</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="96" />
        <source>⚠ Negative balance: points owed from a refund</source>
        <translation>⚠ 积分为负：退货后欠扣的积分</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="98" />
        <source>🎂 Birthday this month</source>
        <translation>🎂 本月生日</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="100" />
        <source>⚠ Member is {status}</source>
        <translation>⚠ 会员状态：{status}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="137" />
        <source>[{key}] {mark} {name} — {points} points ({worth})</source>
        <translation>[{key}] {mark} {name} —— {points} 积分（{worth}）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="145" />
        <source> ✗ needs {more} more points</source>
        <translation> ✗ 还差 {more} 积分</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="149" />
        <source> — chosen</source>
        <translation> —— 已选</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="157" />
        <source>×{times} points</source>
        <translation>积分 ×{times}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="160" />
        <source>+{bonus} bonus points</source>
        <translation>额外赠送 {bonus} 积分</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="161" />
        <source>★ Today: {name}</source>
        <translation>★ 今日活动：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/member_panel.py" line="165" />
        <source> on {categories}</source>
        <translation>（限 {categories}）</translation>
    </message>
</context>
<context>
    <name>MemberSuggestions</name>
    <message>
        <location filename="../../ui/console/member_suggestions.py" line="52" />
        <source>Working out what they will likely buy…</source>
        <translation>正在推算该会员可能想买的商品…</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_suggestions.py" line="74" />
        <source>The shop's suggestions are being worked out; a moment…</source>
        <translation>本店的推荐正在计算中，请稍候…</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_suggestions.py" line="76" />
        <source>Nothing to suggest yet: the shop has no sales to go by.</source>
        <translation>暂无推荐：本店还没有可参考的销售记录。</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_suggestions.py" line="81" />
        <source>Best first. The score adds up what they buy again, what goes with it, their categories and what sells; the reason is the largest part.</source>
        <translation>按推荐程度排序。得分综合了会员常买的商品、常一起买的商品、会员常买的品类和热销商品；理由是得分中占比最大的一项。</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_suggestions.py" line="93" />
        <source>they often buy it</source>
        <translation>经常购买</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_suggestions.py" line="95" />
        <source>often bought with {item}</source>
        <translation>常与{item}一起购买</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_suggestions.py" line="97" />
        <source>popular in {category}</source>
        <translation>{category}类热销</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_suggestions.py" line="98" />
        <source>popular in the shop</source>
        <translation>本店热销</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_suggestions.py" line="102" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_suggestions.py" line="103" />
        <source>SKU</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_suggestions.py" line="104" />
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_suggestions.py" line="105" />
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>MemberTables</name>
    <message>
        <location filename="../../ui/console/member_tables.py" line="49" />
        <source>earned</source>
        <translation>消费得分</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="50" />
        <source>redeemed</source>
        <translation>积分抵扣</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="51" />
        <source>expired</source>
        <translation>过期</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="52" />
        <source>adjusted</source>
        <translation>人工调整</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="53" />
        <source>activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="54" />
        <location filename="../../ui/console/member_tables.py" line="133" />
        <source>refund</source>
        <translation>退货扣回</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="55" />
        <source>refund (points back)</source>
        <translation>退货返还</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="56" />
        <source>return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="57" />
        <source>merged in</source>
        <translation>合并转入</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="58" />
        <source>merged out</source>
        <translation>合并转出</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="102" />
        <location filename="../../ui/console/member_tables.py" line="139" />
        <location filename="../../ui/console/member_tables.py" line="151" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="103" />
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="104" />
        <location filename="../../ui/console/member_tables.py" line="118" />
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="105" />
        <source>Balance after</source>
        <translation>变动后余额</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="106" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="107" />
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="113" />
        <source>expired, not spendable</source>
        <translation>已过期，不可使用</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="114" />
        <source>from a merge or refund</source>
        <translation>来自合并或退货</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="114" />
        <source>open</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="117" />
        <source>Credited</source>
        <translation>入账时间</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="119" />
        <source>Left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="121" />
        <source>Expires</source>
        <translation>过期时间</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="122" />
        <source>never</source>
        <translation>永不过期</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="124" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="129" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="132" />
        <source>sale</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="134" />
        <source>activity points</source>
        <translation>活动积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="135" />
        <source>daily review</source>
        <translation>每日复核</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="136" />
        <source>merged duplicate</source>
        <translation>合并重复会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="140" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="141" />
        <source>To</source>
        <translation>新等级</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="142" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="143" />
        <source>Sale, refund or member</source>
        <translation>销售、退款或会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="152" />
        <source>Sale</source>
        <translation>销售单号</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="153" />
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="154" />
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="155" />
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="156" />
        <source>Earned</source>
        <translation>获得积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="157" />
        <source>Redeemed</source>
        <translation>使用积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="158" />
        <source>Refunded</source>
        <translation>已退</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="164" />
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="165" />
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_tables.py" line="166" />
        <source>Suggested action</source>
        <translation>建议行动</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <location filename="../../ui/console/members_page.py" line="53" />
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/members_page.py" line="57" />
        <source>Search: member number, name, phone, or the phone's last 4 digits</source>
        <translation>搜索：会员号、姓名、手机号或手机尾号后 4 位</translation>
    </message>
    <message>
        <location filename="../../ui/console/members_page.py" line="61" />
        <source>Which members</source>
        <translation>显示哪些会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/members_page.py" line="63" />
        <source>Active members</source>
        <translation>有效会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/members_page.py" line="64" />
        <source>Merged into another</source>
        <translation>已合并到其他会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/members_page.py" line="65" />
        <source>Erased</source>
        <translation>已注销</translation>
    </message>
    <message>
        <location filename="../../ui/console/members_page.py" line="66" />
        <source>All members</source>
        <translation>全部会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/members_page.py" line="85" />
        <source>Open member (Enter)</source>
        <translation>打开会员 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/console/members_page.py" line="173" />
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location filename="../../ui/console/members_page.py" line="192" />
        <source>{count} found</source>
        <translation>共 {count} 位</translation>
    </message>
    <message>
        <location filename="../../ui/console/members_page.py" line="223" />
        <source>That was a payment code ({kind}), not a member card.</source>
        <translation>这是付款码（{kind}），不是会员卡。</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ui/console/member_actions.py" line="191" />
        <source>Merge a duplicate into {number}</source>
        <translation>把重复会员合并到 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="196" />
        <source>The duplicate's member number or phone</source>
        <translation>重复会员的会员号或手机号</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="198" />
        <source>Optional: why (kept in the audit log)</source>
        <translation>可选：原因（记入审计日志）</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="199" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="201" />
        <source>Preview the merge first: nothing changes until you press Merge.</source>
        <translation>请先预览合并结果：按“合并”之前不会有任何改动。</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="208" />
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="211" />
        <source>Duplicate</source>
        <translation>重复会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="212" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="252" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="256" />
        <source>{number} {name}: {points} points, spend {spend}, tier {tier}, {sales} sale(s)</source>
        <translation>{number} {name}：{points} 积分，消费 {spend}，等级 {tier}，{sales} 笔消费</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="268" />
        <source>Kept: {side}</source>
        <translation>保留：{side}</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="269" />
        <source>Closed: {side}</source>
        <translation>关闭：{side}</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="271" />
        <source>After the merge, {number} has:</source>
        <translation>合并后，{number} 将有：</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="272" />
        <source>  name {name}; phone {phone}; e-mail {email}; birthday {birthday}</source>
        <translation>  姓名 {name}；手机 {phone}；邮箱 {email}；生日 {birthday}</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="278" />
        <source>  {points} points ({lots} lot(s) moved, each keeps its expiry)</source>
        <translation>  {points} 积分（转入 {lots} 个批次，各自保留原过期时间）</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="281" />
        <source>  spend {spend}, tier {tier}, {sales} sale(s) moved</source>
        <translation>  消费 {spend}，等级 {tier}，转入 {sales} 笔消费</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="286" />
        <source>  marketing consent: {consent}</source>
        <translation>  营销授权：{consent}</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="287" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="287" />
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>OfferForm</name>
    <message>
        <location filename="../../ui/console/offer_form.py" line="56" />
        <source>Points multiplier</source>
        <translation>积分倍数</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="57" />
        <source>Bonus points</source>
        <translation>额外积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="58" />
        <source>Money off</source>
        <translation>满减金额</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="59" />
        <source>Percentage off</source>
        <translation>折扣百分比</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="60" />
        <source>Free item</source>
        <translation>免费商品</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="73" />
        <source>Empty: no cap</source>
        <translation>留空：不设上限</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="90" />
        <source>Member numbers, comma-separated</source>
        <translation>会员号，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="91" />
        <source>Import list…</source>
        <translation>导入名单…</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="92" />
        <source>Create offer</source>
        <translation>创建优惠</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="96" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="101" />
        <source>Each coupon gives</source>
        <translation>每张券优惠</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="104" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="107" />
        <source>Valid (shop days)</source>
        <translation>有效期（门店日期）</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="109" />
        <source>Coupons per member</source>
        <translation>每人张数</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="111" />
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="113" />
        <source>Control group</source>
        <translation>对照组</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="115" />
        <source>Limits</source>
        <translation>限制</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="118" />
        <source>Audience: every rule filled in must hold; empty rules are ignored. Only members with marketing consent who have not opted out get offers.</source>
        <translation>目标人群：填写的每条规则都须满足，空的规则不使用。只有同意营销、且未拒绝个性化优惠的会员才会收到。</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="124" />
        <source>Tiers</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="125" />
        <source>Lifecycle stages</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="126" />
        <source>RFM segments</source>
        <translation>RFM 分群</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="127" />
        <source>Churn risk</source>
        <translation>流失风险</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="128" />
        <source>Birthday months</source>
        <translation>生日月份</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="129" />
        <source>Category affinity</source>
        <translation>偏好品类</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="130" />
        <source>Stores</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="134" />
        <location filename="../../ui/console/offer_form.py" line="160" />
        <source>Member list</source>
        <translation>会员名单</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="145" />
        <source>× the points earned</source>
        <translation>× 所得积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="146" />
        <source>points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="147" />
        <source>off the basket</source>
        <translation>从订单中减去</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="148" />
        <source>% off the basket</source>
        <translation>% 订单折扣</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="149" />
        <source>item code (SKU)</source>
        <translation>商品编码（SKU）</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="155" />
        <source>In points</source>
        <translation>以积分计</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="155" />
        <source>In money, like 500.00</source>
        <translation>以金额计，例如 500.00</translation>
    </message>
    <message>
        <location filename="../../ui/console/offer_form.py" line="160" />
        <source>Lists (*.csv *.txt)</source>
        <translation>名单 (*.csv *.txt)</translation>
    </message>
</context>
<context>
    <name>OfferTableModel</name>
    <message>
        <location filename="../../ui/console/offers_model.py" line="59" />
        <source>Offer</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location filename="../../ui/console/offers_model.py" line="60" />
        <source>Gives</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/console/offers_model.py" line="61" />
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../../ui/console/offers_model.py" line="62" />
        <source>Given</source>
        <translation>发放人数</translation>
    </message>
    <message>
        <location filename="../../ui/console/offers_model.py" line="63" />
        <source>Control</source>
        <translation>对照组</translation>
    </message>
    <message>
        <location filename="../../ui/console/offers_model.py" line="64" />
        <source>Redeemed</source>
        <translation>已使用</translation>
    </message>
    <message>
        <location filename="../../ui/console/offers_model.py" line="65" />
        <source>Rate</source>
        <translation>使用率</translation>
    </message>
    <message>
        <location filename="../../ui/console/offers_model.py" line="66" />
        <source>Sales lift (95% CI)</source>
        <translation>销售额增量（95% 置信区间）</translation>
    </message>
    <message>
        <location filename="../../ui/console/offers_model.py" line="67" />
        <source>Visits lift (95% CI)</source>
        <translation>到店次数增量（95% 置信区间）</translation>
    </message>
    <message>
        <location filename="../../ui/console/offers_model.py" line="83" />
        <source>Fewer than {n} members on a side: no interval is given, only the means.</source>
        <translation>某一组不足 {n} 人：不给出置信区间，只显示平均值。</translation>
    </message>
    <message>
        <location filename="../../ui/console/offers_model.py" line="86" />
        <source>Per member given the offer, against the control group: the difference of the means and its 95% confidence interval (Welch).</source>
        <translation>按人均计，发券组对比对照组：平均值之差及其 95% 置信区间（Welch 检验）。</translation>
    </message>
    <message>
        <location filename="../../ui/console/offers_model.py" line="99" />
        <source>{offered} vs {control}, too few</source>
        <translation>{offered} 对 {control}，人数太少</translation>
    </message>
</context>
<context>
    <name>OffersPage</name>
    <message>
        <location filename="../../ui/console/offers_page.py" line="48" />
        <source>Offers</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location filename="../../ui/console/offers_page.py" line="52" />
        <source>Targeted offers give coupons to an audience; prices stay the same for everyone. A random control group gets nothing, so the lift below is what the offer added.</source>
        <translation>定向优惠向目标人群发放优惠券，商品价格对所有人相同。随机抽取的对照组不发券，因此下表的增量就是优惠带来的效果。</translation>
    </message>
    <message>
        <location filename="../../ui/console/offers_page.py" line="68" />
        <source>Issue coupons</source>
        <translation>发放优惠券</translation>
    </message>
    <message>
        <location filename="../../ui/console/offers_page.py" line="70" />
        <source>Coupon list (CSV)…</source>
        <translation>优惠券名单（CSV）…</translation>
    </message>
    <message>
        <location filename="../../ui/console/offers_page.py" line="71" />
        <source>Coupon QR images…</source>
        <translation>优惠券二维码图片…</translation>
    </message>
    <message>
        <location filename="../../ui/console/offers_page.py" line="72" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/console/offers_page.py" line="97" />
        <source>Offers and lift</source>
        <translation>优惠与效果</translation>
    </message>
    <message>
        <location filename="../../ui/console/offers_page.py" line="99" />
        <source>New offer</source>
        <translation>新建优惠</translation>
    </message>
    <message>
        <location filename="../../ui/console/offers_page.py" line="173" />
        <source>The offer was created: issue it to give the coupons.</source>
        <translation>优惠已创建：点“发放优惠券”即可发券。</translation>
    </message>
    <message>
        <location filename="../../ui/console/offers_page.py" line="179" />
        <source>form</source>
        <translation>表单</translation>
    </message>
    <message>
        <location filename="../../ui/console/offers_page.py" line="196" />
        <source>Issued: {given} members got {coupons} coupons, {control} are the control group (nothing); {opted} opted out of personalised offers.</source>
        <translation>已发放：{given} 位会员共得到 {coupons} 张券，{control} 位为对照组（不发券）；{opted} 位拒绝个性化优惠。</translation>
    </message>
    <message>
        <location filename="../../ui/console/offers_page.py" line="218" />
        <source>Coupon list</source>
        <translation>优惠券名单</translation>
    </message>
    <message>
        <location filename="../../ui/console/offers_page.py" line="218" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/console/offers_page.py" line="238" />
        <source>{n} coupons written to {file}.</source>
        <translation>已将 {n} 张券写入 {file}。</translation>
    </message>
    <message>
        <location filename="../../ui/console/offers_page.py" line="250" />
        <source>Folder for the coupon images</source>
        <translation>保存优惠券图片的文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/console/offers_page.py" line="278" />
        <source>{n} coupon images saved in {folder}.</source>
        <translation>已在 {folder} 保存 {n} 张优惠券图片。</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="126" />
        <source>New PIN for {name}</source>
        <translation>为 {name} 设置新 PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="126" />
        <source>Set PIN</source>
        <translation>设置 PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="128" />
        <source>The old PIN stops working at once; a lockout is lifted.</source>
        <translation>旧 PIN 码立即失效；如账号被锁定，也会一并解锁。</translation>
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
        <location filename="../../ui/console/programme_preview.py" line="66" />
        <source>Sale amount</source>
        <translation>消费金额</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_preview.py" line="67" />
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_preview.py" line="68" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_preview.py" line="69" />
        <source>Category</source>
        <translation>品类</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_preview.py" line="91" />
        <source>Fix the marked field to see a preview.</source>
        <translation>请先改正标出的项目，才能预览。</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_preview.py" line="137" />
        <source>A {amount} sale by a {tier} member on {day} pays {paid} and earns {points} points.</source>
        <translation>{day}，{tier}会员消费 {amount}，实付 {paid}，获得 {points} 积分。</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_preview.py" line="140" />
        <source>(no tier)</source>
        <translation>（无等级）</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_preview.py" line="146" />
        <source>Campaign: {names}</source>
        <translation>促销活动：{names}</translation>
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
        <location filename="../../ui/console/products_page.py" line="45" />
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/console/products_page.py" line="48" />
        <source>Filter by SKU, name, category or barcode</source>
        <translation>按商品编码、名称、品类或条码筛选</translation>
    </message>
    <message>
        <location filename="../../ui/console/products_page.py" line="51" />
        <source>Import CSV or Excel…</source>
        <translation>导入 CSV 或 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/console/products_page.py" line="144" />
        <source>Found: {n}</source>
        <translation>共 {n} 个</translation>
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
        <translation>新等级</translation>
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
        <location filename="../../ui/console/programme_editor.py" line="135" />
        <location filename="../../ui/console/programme_editor.py" line="148" />
        <location filename="../../ui/console/programme_editor.py" line="149" />
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
        <location filename="../../ui/console/programme_editor.py" line="113" />
        <source>Score: spend for full marks</source>
        <translation>积分制：消费满分额度</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="114" />
        <source>Score: visits for full marks</source>
        <translation>积分制：到店满分次数</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="117" />
        <source>Score: activities for full marks</source>
        <translation>积分制：互动满分次数</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="121" />
        <source>Score: weight of spend</source>
        <translation>积分制：消费权重</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="122" />
        <source>Score: weight of visits</source>
        <translation>积分制：到店权重</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="125" />
        <source>Score: weight of activities</source>
        <translation>积分制：互动权重</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="135" />
        <source>Add tier</source>
        <translation>添加等级</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="139" />
        <source>When several campaigns apply</source>
        <translation>多个促销活动同时适用时</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="141" />
        <source>Only the best one counts</source>
        <translation>只取最优的一个</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="144" />
        <source>All count: multipliers multiply, bonuses add</source>
        <translation>全部生效：倍数相乘，奖励积分相加</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="148" />
        <source>Add campaign</source>
        <translation>添加促销活动</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="149" />
        <source>Add reward</source>
        <translation>添加奖励</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="152" />
        <source>New: first purchase within (days)</source>
        <translation>新客期：首次购买在多少天内</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="153" />
        <source>Recent visits and spend are counted over (days)</source>
        <translation>近期购买天数和消费的统计区间（天）</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="154" />
        <source>Loyal: purchase days in that window, at least</source>
        <translation>忠诚期：区间内购买天数至少</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="155" />
        <source>Declining: spend down against the window before (%)</source>
        <translation>衰退期：消费比前一区间下降（%）</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="156" />
        <source>Declining: no purchase for more than (days)</source>
        <translation>衰退期：超过多少天未购买</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="157" />
        <source>Lapsed: no purchase for more than (days)</source>
        <translation>流失期：超过多少天未购买</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="158" />
        <source>Won back: for (days) after returning</source>
        <translation>回流：回来购买后保持（天）</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="161" />
        <source>Declining (churn risk): gone this many times their usual gap (0: off)</source>
        <translation>衰退期（流失风险）：未消费时长超过其平时消费间隔的倍数（0 为不启用）</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="174" />
        <source>Earning</source>
        <translation>积分规则</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="175" />
        <source>Activities and expiry</source>
        <translation>活动与有效期</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="176" />
        <source>Redeeming</source>
        <translation>积分抵扣</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="177" />
        <source>Tiers</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="178" />
        <source>Campaigns</source>
        <translation>促销活动</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="179" />
        <source>Rewards</source>
        <translation>奖励目录</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_editor.py" line="180" />
        <source>Lifecycle</source>
        <translation>生命周期</translation>
    </message>
</context>
<context>
    <name>ProgrammePage</name>
    <message>
        <location filename="../../ui/console/programme_page.py" line="50" />
        <source>Programme</source>
        <translation>积分方案</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_page.py" line="61" />
        <source>Versions</source>
        <translation>版本记录</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_page.py" line="67" />
        <source>Import file…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_page.py" line="68" />
        <source>Export file…</source>
        <translation>导出文件…</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_page.py" line="69" />
        <source>Undo changes</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_page.py" line="70" />
        <source>Save as new version (Ctrl+S)</source>
        <translation>保存为新版本（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_page.py" line="122" />
        <source>Version {version} is in force</source>
        <translation>第 {version} 版生效中</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_page.py" line="124" />
        <source>The built-in defaults are in force</source>
        <translation>正在使用内置默认方案</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_page.py" line="138" />
        <source>Not a programme yet: {problem}</source>
        <translation>方案还不完整：{problem}</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_page.py" line="148" />
        <source>Changed: save to put it in force.</source>
        <translation>已修改：保存后生效。</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_page.py" line="150" />
        <source>This is the programme in force.</source>
        <translation>这就是正在生效的方案。</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_page.py" line="176" />
        <source>Saved as version {version}; it is in force from now.</source>
        <translation>已保存为第 {version} 版，即时生效。</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_page.py" line="201" />
        <source>Import a programme file</source>
        <translation>导入方案文件</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_page.py" line="206" />
        <source>Export the programme file</source>
        <translation>导出方案文件</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_page.py" line="227" />
        <source>Read {file}: check it, then save to put it in force.</source>
        <translation>已读取 {file}：请检查，保存后生效。</translation>
    </message>
    <message>
        <location filename="../../ui/console/programme_page.py" line="244" />
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
        <translation>新等级</translation>
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
        <location filename="../../ui/screens/refund.py" line="61" />
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="64" />
        <source>Sale number from the receipt</source>
        <translation>小票上的销售单号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="66" />
        <source>Value of the goods returned</source>
        <translation>退回商品的金额</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="68" />
        <source>or items, e.g. TEA:2, CUP</source>
        <translation>或商品，如 TEA:2, CUP</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="74" />
        <source>Refund (Enter)</source>
        <translation>退款 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="76" />
        <source>Back to checkout (Esc)</source>
        <translation>返回结账 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="81" />
        <source>Sale number</source>
        <translation>销售单号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="82" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="83" />
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="84" />
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="85" />
        <source>Manager's PIN</source>
        <translation>店长 PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="158" />
        <source>Type the sale number from the receipt.</source>
        <translation>请输入小票上的销售单号。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refund.py" line="184" />
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
    <name>ReportExports</name>
    <message>
        <location filename="../../ui/console/reports/exports.py" line="48" />
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/exports.py" line="49" />
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/exports.py" line="50" />
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/exports.py" line="52" />
        <source>The tables of this report, for Excel (UTF-8)</source>
        <translation>本报表的表格，可用 Excel 打开（UTF-8）</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/exports.py" line="54" />
        <source>The tables of this report as an Excel workbook, a sheet each</source>
        <translation>本报表的表格导出为 Excel 工作簿，每张表一个工作表</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/exports.py" line="56" />
        <source>This report as it shows: figures, charts and tables</source>
        <translation>按屏幕所示导出本报表：指标、图表和表格</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/exports.py" line="73" />
        <source>Replace file</source>
        <translation>替换文件</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/exports.py" line="74" />
        <source>{file} already exists. Replace it?</source>
        <translation>{file} 已存在，要替换吗？</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/exports.py" line="87" />
        <source>Export to CSV</source>
        <translation>导出为 CSV</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/exports.py" line="89" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/exports.py" line="98" />
        <source>Export to Excel</source>
        <translation>导出为 Excel</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/exports.py" line="100" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/exports.py" line="108" />
        <location filename="../../ui/console/reports/exports.py" line="134" />
        <source>Nothing to export yet: the figures are not ready.</source>
        <translation>还没有可导出的内容：数字尚未算好。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/exports.py" line="115" />
        <source>Made {when} by {who}</source>
        <translation>{who} 于 {when} 生成</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/exports.py" line="128" />
        <source>Export to PDF</source>
        <translation>导出为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/exports.py" line="128" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/exports.py" line="158" />
        <source>Writing {file}…</source>
        <translation>正在写入 {file}…</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/exports.py" line="164" />
        <source>Written: {file}</source>
        <translation>已保存：{file}</translation>
    </message>
</context>
<context>
    <name>ReportFilters</name>
    <message>
        <location filename="../../ui/console/reports/filters.py" line="42" />
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/filters.py" line="43" />
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/filters.py" line="44" />
        <source>Last quarter</source>
        <translation>上季度</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/filters.py" line="45" />
        <source>Last 12 months</source>
        <translation>最近 12 个月</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/filters.py" line="46" />
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/filters.py" line="58" />
        <location filename="../../ui/console/reports/filters.py" line="87" />
        <source>All stores</source>
        <translation>全部门店</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/filters.py" line="62" />
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/filters.py" line="68" />
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/filters.py" line="92" />
        <source>Sales rung up: {n}</source>
        <translation>已记销售：{n} 笔</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/filters.py" line="152" />
        <source>This till</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/filters.py" line="153" />
        <source>Till {n} ({id})</source>
        <translation>收银机 {n}（{id}）</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <location filename="../../ui/console/reports/pdf.py" line="125" />
        <source>Page {n} of {total}</source>
        <translation>第 {n} 页，共 {total} 页</translation>
    </message>
</context>
<context>
    <name>ReportTable</name>
    <message>
        <location filename="../../ui/console/reports/table.py" line="187" />
        <source>Double-click a row to open the member</source>
        <translation>双击一行可打开该会员</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../ui/console/reports/reports_page.py" line="68" />
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/reports_page.py" line="89" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/reports_page.py" line="142" />
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/reports_page.py" line="184" />
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/reports_page.py" line="197" />
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/reports_page.py" line="239" />
        <source>Cancelled. The figures shown have not changed.</source>
        <translation>已取消，显示的数字没有变化。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/reports_page.py" line="241" />
        <source>Cancelled. Nothing was computed.</source>
        <translation>已取消，没有计算任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/reports_page.py" line="255" />
        <source>Figures for {days}, all stores</source>
        <translation>{days} 的数字，全部门店</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/reports_page.py" line="256" />
        <source>Figures for {days}, {store}</source>
        <translation>{days} 的数字，{store}</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="138" />
        <source>Role of {name}</source>
        <translation>{name} 的角色</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="138" />
        <source>Change role</source>
        <translation>修改角色</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="145" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="149" />
        <source>A manager looks after cashiers and the back office; an admin also looks after managers, admins and the till rules.</source>
        <translation>店长管理收银员和后台；管理员还可管理店长、管理员和收银规则。</translation>
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
    <name>SatisfactionView</name>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="68" />
        <source>1-5 stars (CSAT)</source>
        <translation>1-5 星满意度（CSAT）</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="69" />
        <source>0-10 recommend (NPS)</source>
        <translation>0-10 分推荐度（NPS）</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="70" />
        <source>Ask at the till after each sale</source>
        <translation>每笔销售后在收银台询问</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="75" />
        <source>back within </source>
        <translation>再次购买期限 </translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="76" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="77" />
        <source>A member counts as having bought again within these days</source>
        <translation>会员在这些天内再次购买才算回购</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="80" />
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="116" />
        <location filename="../../ui/console/reports/satisfaction_page.py" line="117" />
        <source>Computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="121" />
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="130" />
        <source>CSAT is the share of answers with 4 or 5 stars; NPS is the share of 9-10 answers minus the share of 0-6 answers. Ranges are 95% intervals; a group with fewer than {n} answers is marked as too small to read much into.</source>
        <translation>满意率 CSAT 是 4 星和 5 星评价所占的比例；净推荐值 NPS 是 9-10 分的比例减去 0-6 分的比例。区间为 95% 置信区间；评价少于 {n} 条的分组会标明样本太少，参考价值有限。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="191" />
        <source>{measure} by month</source>
        <translation>{measure}（按月）</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="202" />
        <location filename="../../ui/console/reports/satisfaction_page.py" line="218" />
        <location filename="../../ui/console/reports/satisfaction_page.py" line="235" />
        <source>No answers in the period</source>
        <translation>该期间没有评价</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="227" />
        <source>Too few answers</source>
        <translation>评价太少</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="232" />
        <source>Answers by month</source>
        <translation>每月评价数</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="242" />
        <location filename="../../ui/console/reports/satisfaction_page.py" line="334" />
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="243" />
        <location filename="../../ui/console/reports/satisfaction_page.py" line="335" />
        <source>Neutral</source>
        <translation>中立</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="244" />
        <location filename="../../ui/console/reports/satisfaction_page.py" line="336" />
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="252" />
        <source>{measure} by store</source>
        <translation>{measure}（按门店）</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="253" />
        <source>{measure} by tier</source>
        <translation>{measure}（按等级）</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="254" />
        <source>{measure} by staff member</source>
        <translation>{measure}（按员工）</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="255" />
        <source>{measure} by lifecycle stage</source>
        <translation>{measure}（按生命周期阶段）</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="263" />
        <source>NPS</source>
        <translation>净推荐值 NPS</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="264" />
        <source>CSAT (%)</source>
        <translation>满意率 CSAT（%）</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="269" />
        <source>{value} ({low} to {high})</source>
        <translation>{value}（{low} 至 {high}）</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="277" />
        <source>{measure}: {score} from {n} answers.</source>
        <translation>{measure}：{score}，共 {n} 条评价。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="284" />
        <source>Bought again within {days} days (%): satisfied {happy} of {hn} members, dissatisfied {unhappy} of {un}; the gap is {gap} points.</source>
        <translation>{days} 天内再次购买（%）：满意会员 {happy}（共 {hn} 人），不满意会员 {unhappy}（共 {un} 人）；相差 {gap} 个百分点。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="295" />
        <source>{n} answers given on the other scale are left out.</source>
        <translation>另有 {n} 条按另一种评分方式给出的评价未计入。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="302" />
        <source>Months</source>
        <translation>按月</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="303" />
        <source>Stores</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="304" />
        <source>Tiers</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="305" />
        <location filename="../../ui/console/reports/satisfaction_page.py" line="326" />
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="306" />
        <source>Lifecycle stages</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="312" />
        <source>No purchase yet</source>
        <translation>尚未购买</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="314" />
        <source>Till {id}</source>
        <translation>收银台 {id}</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="316" />
        <source>Not at the till</source>
        <translation>非收银台</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="318" />
        <source>No tier</source>
        <translation>无等级</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="323" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="324" />
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="325" />
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="327" />
        <source>Lifecycle stage</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="331" />
        <source>Answers</source>
        <translation>评价数</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="332" />
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="333" />
        <source>95% range</source>
        <translation>95% 区间</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="338" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/satisfaction_page.py" line="338" />
        <source>too few answers</source>
        <translation>评价太少</translation>
    </message>
</context>
<context>
    <name>SegmentItems</name>
    <message>
        <location filename="../../ui/console/reports/segment_items.py" line="35" />
        <source>Likely to buy next</source>
        <translation>可能想买</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_items.py" line="37" />
        <source>The items most often among their own top suggestions.</source>
        <translation>最常出现在他们各自推荐前列的商品。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_items.py" line="43" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_items.py" line="44" />
        <source>Members</source>
        <translation>会员数</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_items.py" line="46" />
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_items.py" line="54" />
        <source>How many of the listed members have the item among their top five suggestions</source>
        <translation>列表中有多少会员的前五项推荐里有这件商品</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_items.py" line="72" />
        <source>Pick a segment or a tier to see what its members will likely buy.</source>
        <translation>选择一个客群或会员等级，查看其会员可能想买的商品。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_items.py" line="76" />
        <source>No members listed.</source>
        <translation>没有列出的会员。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_items.py" line="78" />
        <source>Working out what they will likely buy…</source>
        <translation>正在推算这些会员可能想买的商品…</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_items.py" line="91" />
        <source>Reading the stage's members…</source>
        <translation>正在读取该阶段的会员…</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_items.py" line="102" />
        <source>Nothing to suggest: they have bought nothing yet.</source>
        <translation>暂无推荐：这些会员还没有购买记录。</translation>
    </message>
</context>
<context>
    <name>SegmentTexts</name>
    <message>
        <location filename="../../ui/console/reports/segment_texts.py" line="21" />
        <source>Champions</source>
        <translation>冠军客户</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_texts.py" line="22" />
        <source>Loyal</source>
        <translation>忠诚客户</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_texts.py" line="23" />
        <source>Potential Loyalists</source>
        <translation>潜力忠诚客户</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_texts.py" line="24" />
        <source>New</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_texts.py" line="25" />
        <source>Promising</source>
        <translation>有潜力客户</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_texts.py" line="26" />
        <source>Need Attention</source>
        <translation>需要关注</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_texts.py" line="27" />
        <source>About to Sleep</source>
        <translation>即将沉睡</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_texts.py" line="28" />
        <source>At Risk</source>
        <translation>有流失风险</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_texts.py" line="29" />
        <source>Can't Lose Them</source>
        <translation>不能失去的客户</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_texts.py" line="30" />
        <source>Hibernating</source>
        <translation>沉睡客户</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_texts.py" line="34" />
        <source>Reward them: early access to new products, thank-you gifts, ask for reviews and referrals. They come anyway; no discounts needed.</source>
        <translation>回馈他们：新品抢先体验、感谢礼品，邀请评价和推荐。他们本来就会来，无需折扣。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_texts.py" line="38" />
        <source>Upsell: show them the next tier and what it brings, member-only offers on higher-value products, ask for feedback.</source>
        <translation>向上销售：展示下一等级及其权益，提供高价值商品的会员专享优惠，征求意见。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_texts.py" line="42" />
        <source>Turn visits into a habit: a tier goal within reach, recommendations from what they bought, bonus points on the next visits.</source>
        <translation>把光顾变成习惯：设定触手可及的等级目标，根据购买记录推荐商品，接下来几次光顾赠送额外积分。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_texts.py" line="46" />
        <source>Welcome them: explain how points work and give a small reason to come back soon.</source>
        <translation>欢迎他们：说明积分规则，并给一个尽快再来的小理由。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_texts.py" line="49" />
        <source>Encourage a second and third visit: a time-limited offer, bonus points this month.</source>
        <translation>鼓励第二、第三次光顾：限时优惠，本月额外积分。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_texts.py" line="52" />
        <source>Remind them of their points and offer something for a limited time, based on what they bought before.</source>
        <translation>提醒他们的积分，并根据以往购买提供限时优惠。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_texts.py" line="56" />
        <source>Reconnect before they lapse: popular products, a modest discount, their points balance.</source>
        <translation>在流失前重新联系：热门商品、适度折扣、积分余额。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_texts.py" line="60" />
        <source>Win them back: a personal message, a strong offer, a reminder of the points they would lose.</source>
        <translation>赢回他们：个人消息、力度大的优惠，提醒他们将失去的积分。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_texts.py" line="64" />
        <source>Your former regulars: contact them personally, make your best offer, ask what went wrong.</source>
        <translation>您以前的常客：亲自联系，给出最优惠的条件，询问哪里做得不好。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segment_texts.py" line="68" />
        <source>Low priority: keep them in general mailings, try one reactivation offer, do not spend much.</source>
        <translation>低优先级：保留在普通群发名单中，尝试一次唤醒优惠，不要投入太多。</translation>
    </message>
</context>
<context>
    <name>SegmentsView</name>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="84" />
        <source>Click a segment to list its members</source>
        <translation>点击一个细分以列出其会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="88" />
        <source>All segments</source>
        <translation>全部细分</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="110" />
        <location filename="../../ui/console/reports/segments_page.py" line="330" />
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="89" />
        <location filename="../../ui/console/reports/segments_page.py" line="329" />
        <location filename="../../ui/console/reports/segments_page.py" line="343" />
        <source>Segment</source>
        <translation>细分</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="95" />
        <source>Export for a campaign…</source>
        <translation>导出营销名单…</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="98" />
        <source>Writes the chosen segment's members who agreed to marketing, as a CSV file or an Excel workbook</source>
        <translation>导出所选客群中同意接收营销信息的会员，保存为 CSV 文件或 Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="102" />
        <source>with items</source>
        <translation>附带推荐商品</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="105" />
        <source>Adds each member's top three suggested items (item_1, item_2, item_3)</source>
        <translation>为每位会员附上前三项推荐商品（item_1、item_2、item_3）</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="144" />
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="148" />
        <location filename="../../ui/console/reports/segments_page.py" line="368" />
        <source>Segments</source>
        <translation>客户细分</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="153" />
        <source>Members scored 1–5 on how recently and how often they bought (and how much), as of the end of the period; the segment follows recency and frequency.</source>
        <translation>按截至期末的最近购买时间、购买频次（及金额）给会员打 1–5 分；细分由最近度和频次决定。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="180" />
        <source>Members by segment</source>
        <translation>各细分会员数</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="190" />
        <source>No member had bought by the end of the period</source>
        <translation>截至期末没有会员购买过</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="200" />
        <source>Computed by the nightly job as of {time} today; nothing has been sold, refunded or changed since.</source>
        <translation>由夜间任务按今天 {time} 的数据计算；此后没有新的销售、退款或其他变动。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="221" />
        <source>Members ({n})</source>
        <translation>会员（{n}）</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="223" />
        <source>Members in {segment} ({n})</source>
        <translation>{segment}的会员（{n}）</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="258" />
        <source>No members to export: pick a segment that has some.</source>
        <translation>没有可导出的会员：请选择有会员的细分。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="264" />
        <source>Export members for a campaign</source>
        <translation>导出会员用于营销活动</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="266" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="266" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="291" />
        <source>Writing the campaign file…</source>
        <translation>正在写入营销名单…</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="303" />
        <source>Could not write the file: {why}</source>
        <translation>无法写入文件：{why}</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="308" />
        <source>{n} of {total} members agreed to offers and were written to {file}; the others were left out.</source>
        <translation>{total} 位会员中有 {n} 位同意接收优惠信息，已写入 {file}；其余会员未导出。</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="332" />
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="337" />
        <source>Suggested action</source>
        <translation>建议行动</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="342" />
        <source>Member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="344" />
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="345" />
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="346" />
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="348" />
        <source>Days since last purchase</source>
        <translation>距上次购买天数</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="350" />
        <source>Purchase days</source>
        <translation>购买天数</translation>
    </message>
    <message>
        <location filename="../../ui/console/reports/segments_page.py" line="352" />
        <source>Spend</source>
        <translation>消费金额</translation>
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
    <name>ShopPage</name>
    <message>
        <location filename="../../ui/wizard.py" line="93" />
        <source>Your shop</source>
        <translation>您的店铺</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="95" />
        <source>These show on receipts and member cards; a manager can change them later.</source>
        <translation>这些信息会显示在小票和会员卡上；经理以后可以修改。</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="98" />
        <source>Shop name</source>
        <translation>店名</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="99" />
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="100" />
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="101" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="108" />
        <source>Same as this computer</source>
        <translation>与本电脑相同</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="113" />
        <source>Type the shop's name.</source>
        <translation>请输入店名。</translation>
    </message>
    <message>
        <location filename="../../ui/wizard.py" line="117" />
        <source>Choose a time zone from the list, such as Asia/Shanghai.</source>
        <translation>请从列表中选择时区，例如 Asia/Shanghai。</translation>
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
    <name>SingleInstance</name>
    <message>
        <location filename="../../ui/single_instance.py" line="37" />
        <source>process {pid} on {host}</source>
        <translation>{host} 上的进程 {pid}</translation>
    </message>
    <message>
        <location filename="../../ui/single_instance.py" line="41" />
        <source>The loyalty program is already running on this database ({holder}):
{database}

Switch to its window (look in the taskbar), or close it before starting it again.</source>
        <translation>会员积分程序已经在使用这个数据库（{holder}）：
{database}

请切换到它的窗口（在任务栏里找），或者先关闭它再重新启动。</translation>
    </message>
    <message>
        <location filename="../../ui/single_instance.py" line="59" />
        <source>Already running</source>
        <translation>程序已在运行</translation>
    </message>
</context>
<context>
    <name>StaffDialogs</name>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="29" />
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="30" />
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="31" />
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="161" />
        <source>Disable {name}</source>
        <translation>停用 {name}</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="164" />
        <source>{name} will not be able to sign in, and a till where {name} is signed in stops at its next step. Their sales and history stay. You can enable the account again later.</source>
        <translation>{name} 将无法登录；如果 {name} 正在某台收银机上登录，下一步操作时会被退出。其销售和历史记录都会保留，以后可以重新启用这个账号。</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="172" />
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="176" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../ui/console/staff_page.py" line="127" />
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="131" />
        <source>An admin looks after every account. A manager adds cashiers and looks after their accounts. Nobody disables their own account or changes their own role, and the last admin always stays.</source>
        <translation>管理员可以管理所有账号；店长可以添加和管理收银员账号。任何人都不能停用自己的账号或修改自己的角色，最后一个管理员账号始终保留。</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="146" />
        <source>Add staff (Ctrl+N)</source>
        <translation>添加员工 (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="148" />
        <source>New PIN</source>
        <translation>新 PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="149" />
        <source>Change role</source>
        <translation>修改角色</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="150" />
        <location filename="../../ui/console/staff_page.py" line="223" />
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="223" />
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="245" />
        <source>{name} was added and can sign in now.</source>
        <translation>已添加 {name}，现在可以登录了。</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="263" />
        <source>{name} has a new PIN.</source>
        <translation>{name} 的 PIN 码已更新。</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="281" />
        <source>{name}'s role was changed.</source>
        <translation>{name} 的角色已修改。</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="296" />
        <source>{name} can sign in again.</source>
        <translation>{name} 可以重新登录了。</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="306" />
        <source>{name} can no longer sign in.</source>
        <translation>{name} 已无法登录。</translation>
    </message>
</context>
<context>
    <name>StaffTableModel</name>
    <message>
        <location filename="../../ui/console/staff_page.py" line="81" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="82" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="83" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="84" />
        <source>Last sign-in</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="99" />
        <source>Locked after too many wrong PINs; a new PIN lifts the lock.</source>
        <translation>PIN 码输错次数太多，账号已锁定；设置新 PIN 码即可解锁。</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="109" />
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="112" />
        <source>Locked until {time}</source>
        <translation>锁定到 {time}</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="113" />
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_page.py" line="116" />
        <source>Not yet</source>
        <translation>尚未登录</translation>
    </message>
</context>
<context>
    <name>StartRefused</name>
    <message>
        <location filename="../../ui/start_refused.py" line="22" />
        <source>The program did not start and changed nothing in your shop's data. Send this message and the log file to support:
{log}</source>
        <translation>程序没有启动，也没有改动您店铺的任何数据。请把这条消息和日志文件发给技术支持：
{log}</translation>
    </message>
    <message>
        <location filename="../../ui/start_refused.py" line="35" />
        <source>The program cannot start</source>
        <translation>程序无法启动</translation>
    </message>
</context>
<context>
    <name>SuggestionLine</name>
    <message>
        <location filename="../../ui/widgets/suggestions.py" line="84" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/suggestions.py" line="85" />
        <source>Suggest: {names}</source>
        <translation>推荐：{names}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/suggestions.py" line="92" />
        <source>you often buy it</source>
        <translation>您常买</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/suggestions.py" line="93" />
        <source>often bought with what you buy</source>
        <translation>常与您买的商品一起购买</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/suggestions.py" line="94" />
        <source>popular in a category you buy</source>
        <translation>您常买的品类中的热销品</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/suggestions.py" line="95" />
        <source>popular</source>
        <translation>热销</translation>
    </message>
</context>
<context>
    <name>SuggestionOptions</name>
    <message>
        <location filename="../../ui/console/suggestion_options.py" line="48" />
        <source>Suggestions</source>
        <translation>商品推荐</translation>
    </message>
    <message>
        <location filename="../../ui/console/suggestion_options.py" line="50" />
        <source>Leave out what they bought lately</source>
        <translation>不推荐会员最近买过的商品</translation>
    </message>
    <message>
        <location filename="../../ui/console/suggestion_options.py" line="54" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../ui/console/suggestion_options.py" line="56" />
        <source>e.g. tobacco, gift cards</source>
        <translation>例如：烟草, 礼品卡</translation>
    </message>
    <message>
        <location filename="../../ui/console/suggestion_options.py" line="58" />
        <source>e.g. dairy, rice, pet food</source>
        <translation>例如：乳制品, 大米, 宠物食品</translation>
    </message>
    <message>
        <location filename="../../ui/console/suggestion_options.py" line="61" />
        <source>Goods bought again and again: an item of these categories the member bought on two days or more is suggested again once their usual interval for it has passed, and not before, even inside the days left out above.</source>
        <translation>反复购买的商品：会员在两天或以上买过的这些品类的商品，到了其通常的回购间隔才会再次推荐，之前不推荐；即使仍在上面排除的天数内也会推荐。</translation>
    </message>
    <message>
        <location filename="../../ui/console/suggestion_options.py" line="66" />
        <source>Also suggest products not on sale</source>
        <translation>也推荐已停售的商品</translation>
    </message>
    <message>
        <location filename="../../ui/console/suggestion_options.py" line="67" />
        <source>Save suggestion options</source>
        <translation>保存推荐设置</translation>
    </message>
    <message>
        <location filename="../../ui/console/suggestion_options.py" line="71" />
        <source>Lately: within</source>
        <translation>最近的天数</translation>
    </message>
    <message>
        <location filename="../../ui/console/suggestion_options.py" line="72" />
        <source>Never suggest</source>
        <translation>不推荐的品类</translation>
    </message>
    <message>
        <location filename="../../ui/console/suggestion_options.py" line="73" />
        <source>Consumables</source>
        <translation>常购消耗品</translation>
    </message>
    <message>
        <location filename="../../ui/console/suggestion_options.py" line="120" />
        <source>Saved: the next suggestions follow these options.</source>
        <translation>已保存：之后的推荐将按这些设置进行。</translation>
    </message>
</context>
<context>
    <name>SurveyPrompt</name>
    <message>
        <location filename="../../ui/widgets/survey_prompt.py" line="87" />
        <source>How happy were you with your visit today? 1 to 5 stars</source>
        <translation>您对今天的购物满意吗？请打 1 到 5 星</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/survey_prompt.py" line="88" />
        <source>Press 1 to 5 for the stars · Esc skips</source>
        <translation>按 1 到 5 键打星 · 按 Esc 跳过</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/survey_prompt.py" line="90" />
        <source>Would you recommend us to a friend? 0 to 10</source>
        <translation>您会向朋友推荐我们吗？0 到 10 分</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/survey_prompt.py" line="91" />
        <source>Press 0 to 9, or 1 then 0 for 10 · Esc skips</source>
        <translation>按 0 到 9 键；10 分请先按 1 再按 0 · 按 Esc 跳过</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/survey_prompt.py" line="177" />
        <source>Thank you! {score} for sale {sale}.</source>
        <translation>谢谢！销售单 {sale} 评分 {score}。</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/console/sync_page.py" line="248" />
        <source>Changes from other stores passed over in this pass: {n} (this till could not apply them; loyalty check lists them). The last: {why}</source>
        <translation>本次同步跳过的其他门店更改：{n} 条（本机无法应用；loyalty check 会列出）。最后一条：{why}</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="371" />
        <source>Passed over: {n} (loyalty check lists them)</source>
        <translation>跳过的更改：{n} 条（loyalty check 会列出）</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="382" />
        <source>At the last try the server answered, but not with anything this till can use; it asks again at the next pass.</source>
        <translation>上次尝试时服务器有应答，但内容本机无法使用；下次同步时会再次请求。</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="387" />
        <source>The last pass stopped at a problem of this till's.</source>
        <translation>上次同步因本机的问题而中止。</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="1"/>
        <source> points</source>
        <translation> 积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="1"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="1"/>
        <source>Save limits</source>
        <translation>保存限额</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="1"/>
        <source>Each member</source>
        <translation>每位会员</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="1"/>
        <source>This store</source>
        <translation>本店合计</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="1"/>
        <source>Balances received within</source>
        <translation>积分数据不早于</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="1"/>
        <source>Offline redemption</source>
        <translation>离线兑换积分</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="1"/>
        <source>The offline limits are saved.</source>
        <translation>离线限额已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="95" />
        <source>Sync with the central server</source>
        <translation>与总部服务器同步</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="99" />
        <source>Sales and members are sent to the chain's server in the background. Without the network the till goes on selling and sends later.</source>
        <translation>销售和会员资料会在后台发送到连锁总部的服务器。断网时收银照常进行，联网后再补发。</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="115" />
        <source>Held for a manager</source>
        <translation>待经理处理</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="119" />
        <source>The server had already received these keys with different contents, so it kept the first. They are not sent again; compare them with the server's records.</source>
        <translation>服务器之前已收到过这些键、但内容不同，因此保留了最先收到的那份。这些事件不会再次发送；请与服务器上的记录核对。</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="124" />
        <source>Send now</source>
        <translation>立即发送</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="130" />
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="131" />
        <source>Disconnect</source>
        <translation>断开连接</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="169" />
        <source>Read passed-over changes again</source>
        <translation>重新读取跳过的变更</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="172" />
        <source>Once their cause is fixed (the till updated, a member's number changed), read the changes of other stores this till passed over again.</source>
        <translation>原因解决后（收银机已更新、会员号已更改），重新读取本收银机跳过的其他门店的变更。</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="338" />
        <source>Read again from change {pos} of the server's log. Still not applied here: {n}.</source>
        <translation>已从服务器日志第 {pos} 条变更起重新读取。仍未在此应用：{n} 条。</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="135" />
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="136" />
        <source>This store's token</source>
        <translation>本店令牌</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="156" />
        <source>An administrator connects the store</source>
        <translation>由管理员连接本店</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="184" />
        <source>The server refused this token: check it with the chain's administrator.</source>
        <translation>服务器拒绝了这个令牌：请向连锁总部的管理员核实。</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="185" />
        <source>The server could not be reached; nothing was changed. Check the address.</source>
        <translation>无法连接服务器，未做任何更改。请检查地址。</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="213" />
        <source>Connected. The till sends its events now.</source>
        <translation>已连接。收银台现在开始发送事件。</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="229" />
        <source>Not connected. {n} events wait in the outbox.</source>
        <translation>未连接。发件箱中有 {n} 个事件等待发送。</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="231" />
        <source>Server: {server}</source>
        <translation>服务器：{server}</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="232" />
        <source>Store: {store}</source>
        <translation>门店：{store}</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="234" />
        <source>New member numbers: {block}</source>
        <translation>新会员号段：{block}</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="233" />
        <source>Waiting to send: {n}</source>
        <translation>等待发送：{n}</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="234" />
        <source>Last sent: {time}</source>
        <translation>上次发送：{time}</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="235" />
        <source>Last received from other stores: {time}</source>
        <translation>上次从其他门店接收：{time}</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="242" />
        <source>Members of other stores not added here: {n} (their number belongs to another member here; loyalty check lists them).</source>
        <translation>未能在此添加的其他门店会员：{n} 位（其会员号已被本店另一位会员使用；loyalty check 会列出）。</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="237" />
        <source>The server refused this store's token: connect again.</source>
        <translation>服务器拒绝了本店的令牌：请重新连接。</translation>
    </message>
    <message>
        <location filename="../../ui/console/sync_page.py" line="239" />
        <source>The server could not be reached at the last try.</source>
        <translation>上次尝试时无法连接服务器。</translation>
    </message>
</context>
<context>
    <name>SyncStatusLabel</name>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="55" />
        <source>Sync stopped (see the Sync page): {n} to send</source>
        <translation>同步已中止（请查看同步页面）：待发送 {n} 条</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="48" />
        <source>Sync stopped: the server refused this till's token. Ask the administrator.</source>
        <translation>同步已停止：服务器拒绝了本收银台的令牌。请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="52" />
        <source>Offline: {n} to send (sales go on)</source>
        <translation>离线：{n} 条待发送（收银照常）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="55" />
        <source>Sync: {n} to send</source>
        <translation>同步：{n} 条待发送</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="58" />
        <source>Synced {time}</source>
        <translation>已同步 {time}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="61" />
        <source>{n} held for a manager</source>
        <translation>{n} 条待经理处理</translation>
    </message>
</context>
<context>
    <name>TillRulesPage</name>
    <message>
        <location filename="../../ui/console/till_rules_page.py" line="38" />
        <source>Till rules</source>
        <translation>收银规则</translation>
    </message>
    <message>
        <location filename="../../ui/console/till_rules_page.py" line="42" />
        <source>What a cashier may do at the till without a manager's name and PIN. Every till of the shop follows these rules. Points adjustments are not offered at the till: a manager makes them in the back office.</source>
        <translation>收银员无需店长输入姓名和 PIN 码即可办理的事项。本店所有收银机都遵守这些规则。收银台不提供积分调整，积分调整由店长在后台办理。</translation>
    </message>
    <message>
        <location filename="../../ui/console/till_rules_page.py" line="62" />
        <source>A cashier refunds alone up to</source>
        <translation>收银员可自行退款，最多</translation>
    </message>
    <message>
        <location filename="../../ui/console/till_rules_page.py" line="63" />
        <source>0: every refund needs a manager.</source>
        <translation>0：每笔退款都需要店长批准。</translation>
    </message>
    <message>
        <location filename="../../ui/console/till_rules_page.py" line="64" />
        <source>A cashier's discounts up to</source>
        <translation>收银员可给的折扣，最多</translation>
    </message>
    <message>
        <location filename="../../ui/console/till_rules_page.py" line="69" />
        <source>Of each line and of the whole sale (F5 and F6 together). 100 %: any discount.</source>
        <translation>按每个商品行和整笔销售计算（F5 与 F6 合计）。100 %：折扣不限。</translation>
    </message>
    <message>
        <location filename="../../ui/console/till_rules_page.py" line="73" />
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/console/till_rules_page.py" line="91" />
        <source>Only an admin changes the till rules.</source>
        <translation>只有管理员可以修改收银规则。</translation>
    </message>
    <message>
        <location filename="../../ui/console/till_rules_page.py" line="132" />
        <source>Saved. Every till follows the new rules now.</source>
        <translation>已保存，所有收银机现在都按新规则执行。</translation>
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
<context>
    <name>_Form</name>
    <message>
        <location filename="../../ui/console/member_actions.py" line="54" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/console/member_actions.py" line="56" />
        <location filename="../../ui/console/staff_dialogs.py" line="59" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>_WithPin</name>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="86" />
        <source>PIN (4 to 12 digits)</source>
        <translation>PIN 码（4 到 12 位数字）</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="87" />
        <source>The same PIN again</source>
        <translation>再次输入 PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="91" />
        <source>Type the PIN.</source>
        <translation>请输入 PIN 码。</translation>
    </message>
    <message>
        <location filename="../../ui/console/staff_dialogs.py" line="94" />
        <source>The two PINs differ; type the PIN again.</source>
        <translation>两次输入的 PIN 码不一致，请重新输入。</translation>
    </message>
</context>
</TS>
