<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AffectedCisPanel</name>
    <message>
        <source>&lt;b&gt;Affected CIs&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a CI: type part of its name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search configuration items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching configuration items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Affected configuration items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected CI from this ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other open tickets on these CIs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other open tickets on these CIs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent major incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link as major incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the ticket to add affected CIs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Affected business services: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No business service is affected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to open {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} open incidents on {ci} within {minutes} minutes: this may be a major incident. Link them under one parent?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No CI matches “{text}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{parent} is a major incident; linked: {linked}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not linked: {items}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>保存附件</translation>
    </message>
</context>
<context>
    <name>AuditTable</name>
    <message>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
</context>
<context>
    <name>CategoryPicker</name>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Clear category</source>
        <translation>清除类别</translation>
    </message>
    <message>
        <source>Filter categories…</source>
        <translation>筛选类别…</translation>
    </message>
    <message>
        <source>Filter categories</source>
        <translation>筛选类别</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>ChooseDatabaseDialog</name>
    <message>
        <source>Choose a database</source>
        <translation>选择数据库</translation>
    </message>
    <message>
        <source>A database &amp;file on this computer</source>
        <translation>本机上的数据库文件(&amp;F)</translation>
    </message>
    <message>
        <source>A PostgreSQL &amp;server</source>
        <translation>PostgreSQL 服务器(&amp;S)</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>/path/to/desk.sqlite3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>服务器 URL</translation>
    </message>
    <message>
        <source>Open this database by &amp;default</source>
        <translation>默认打开此数据库(&amp;D)</translation>
    </message>
    <message>
        <source>Desk databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>Desk 数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Enter a file or a server URL</source>
        <translation>请输入文件或服务器 URL</translation>
    </message>
</context>
<context>
    <name>CiDetailPane</name>
    <message>
        <source>Select a configuration item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationships</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>影响</translation>
    </message>
    <message>
        <source>criticality {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criticality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asset tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationships ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(import/system)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If {name} goes down, {n} CIs are affected. Business services: {services}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CiGraphPanel</name>
    <message>
        <source>Hops:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hops around the CI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as SVG drawing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} CIs shown, {hidden} more within {hops} hops (re-centre to explore)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} CIs within {hops} hops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CiGraphView</name>
    <message>
        <source>Relationship graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CMDB relationships</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CmdbBrowser</name>
    <message>
        <source>CI classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name, external id, asset tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter CIs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All CIs ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} configuration items</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Re&amp;ply to requester</source>
        <translation>回复请求人(&amp;P)</translation>
    </message>
    <message>
        <source>Internal &amp;note</source>
        <translation>内部备注(&amp;N)</translation>
    </message>
    <message>
        <source>Worklog text</source>
        <translation>工作日志内容</translation>
    </message>
    <message>
        <source>Write a note or a reply… (Ctrl+Enter adds it)</source>
        <translation>填写备注或回复…（Ctrl+Enter 添加）</translation>
    </message>
    <message>
        <source>Add to worklog</source>
        <translation>添加到工作日志</translation>
    </message>
    <message>
        <source>Add to worklog (Ctrl+Enter)</source>
        <translation>添加到工作日志 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Write something first</source>
        <translation>请先填写内容</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>{number} was changed by someone else</source>
        <translation>{number} 已被他人修改</translation>
    </message>
    <message>
        <source>Another agent saved {number} after you opened it. For each field they changed, choose which value to keep. Nothing is saved until you press “Save with these choices”.</source>
        <translation>在您打开 {number} 之后，另一位坐席保存了它。请为对方修改的每个字段选择要保留的值。在您点击“按所选保存”之前不会保存任何内容。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Your value</source>
        <translation>您的值</translation>
    </message>
    <message>
        <source>Their value</source>
        <translation>对方的值</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>You changed this field too</source>
        <translation>您也修改了此字段</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Keep my {field}</source>
        <translation>保留我的{field}</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>对方的</translation>
    </message>
    <message>
        <source>Take their {field}</source>
        <translation>采用对方的{field}</translation>
    </message>
    <message>
        <source>Save with these choices</source>
        <translation>按所选保存</translation>
    </message>
    <message>
        <source>Discard my edits and reload</source>
        <translation>放弃我的修改并重新加载</translation>
    </message>
</context>
<context>
    <name>DateRange</name>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the last … days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterDialog</name>
    <message>
        <source>Edit view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words in title, description or worklog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open tickets only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Me</source>
        <translation>我</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a name or e-mail, then Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Major incidents only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No major incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relevance (with text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Descending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>请求人</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Major incident</source>
        <translation>重大事件</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A view needs a name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>Create the first administrator</source>
        <translation>创建首位管理员</translation>
    </message>
    <message>
        <source>This database has no users yet. Create yours; you will be its administrator and can add agents and groups later.</source>
        <translation>此数据库还没有用户。请创建您的账户；您将成为管理员，之后可以添加坐席和组。</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>显示名称(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>创建(&amp;C)</translation>
    </message>
    <message>
        <source>A user name is required</source>
        <translation>必须填写用户名</translation>
    </message>
</context>
<context>
    <name>HistoryTable</name>
    <message>
        <source>Status and assignment history</source>
        <translation>状态与分派历史</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Desk — {who}</source>
        <translation>Desk — {who}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>{title} has unsaved changes. Save them before closing?</source>
        <translation>{title} 有未保存的修改。关闭前保存吗？</translation>
    </message>
    <message>
        <source>Go to ticket</source>
        <translation>转到工单</translation>
    </message>
    <message>
        <source>Ticket number (e.g. INC0001234):</source>
        <translation>工单号（例如 INC0001234）：</translation>
    </message>
    <message>
        <source>There is no ticket {number}</source>
        <translation>不存在工单 {number}</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>new ticket</source>
        <translation>新工单</translation>
    </message>
    <message>
        <source>Desk was closed with unsaved edits. Restore {n} unsaved drafts? ({names})</source>
        <translation>Desk 上次关闭时有未保存的修改。恢复 {n} 份未保存的草稿吗？（{names}）</translation>
    </message>
    <message>
        <source>Desk was closed with unsaved edits. Restore the unsaved draft of {names}?</source>
        <translation>Desk 上次关闭时有未保存的修改。恢复 {names} 的未保存草稿吗？</translation>
    </message>
    <message>
        <source>&amp;New ticket…</source>
        <translation>新建工单(&amp;N)…</translation>
    </message>
    <message>
        <source>Create a ticket; choose its kind</source>
        <translation>新建工单并选择类型</translation>
    </message>
    <message>
        <source>&amp;Incident</source>
        <translation>事件(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Service request</source>
        <translation>服务请求(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Problem</source>
        <translation>问题(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>变更(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Close tab</source>
        <translation>关闭标签页(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Search tickets</source>
        <translation>搜索工单(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Go to ticket…</source>
        <translation>转到工单(&amp;G)…</translation>
    </message>
    <message>
        <source>Queue view {n}</source>
        <translation>队列视图 {n}</translation>
    </message>
    <message>
        <source>&amp;CMDB</source>
        <translation>配置管理(&amp;C)</translation>
    </message>
    <message>
        <source>Browse configuration items</source>
        <translation>浏览配置项</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>New &amp;kind</source>
        <translation>新建类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Queue views</source>
        <translation>队列视图(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Tickets</source>
        <translation>工单(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Desk</source>
        <translation>关于 Desk(&amp;A)</translation>
    </message>
    <message>
        <source>CMDB</source>
        <translation>配置管理</translation>
    </message>
    <message>
        <source>About Desk</source>
        <translation>关于 Desk</translation>
    </message>
    <message>
        <source>&lt;b&gt;Desk {version}&lt;/b&gt;&lt;br&gt;A service desk console (ITIL / ISO/IEC 20000).</source>
        <translation>&lt;b&gt;Desk {version}&lt;/b&gt;&lt;br&gt;服务台控制台（ITIL / ISO/IEC 20000）。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>The database this console works on</source>
        <translation>本控制台使用的数据库</translation>
    </message>
    <message>
        <source>Signed in as {name}</source>
        <translation>当前用户：{name}</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>{n} open tickets have unsaved changes. Save them before quitting?</source>
        <translation>{n} 个打开的工单有未保存的修改。退出前保存吗？</translation>
    </message>
    <message>
        <source>{title} has unsaved changes. Save them before quitting?</source>
        <translation>{title} 有未保存的修改。退出前保存吗？</translation>
    </message>
</context>
<context>
    <name>ParentPicker</name>
    <message>
        <source>Ticket number, e.g. PRB0000012</source>
        <translation>工单号，例如 PRB0000012</translation>
    </message>
    <message>
        <source>Parent ticket</source>
        <translation>父工单</translation>
    </message>
    <message>
        <source>There is no ticket {number}</source>
        <translation>不存在工单 {number}</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Database password</source>
        <translation>数据库密码</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Remember in the system keyring</source>
        <translation>保存在系统钥匙串中(&amp;R)</translation>
    </message>
    <message>
        <source>Without it Desk asks again at the next start; the password is never written to a settings file</source>
        <translation>不勾选时 Desk 会在下次启动时再次询问；密码从不写入设置文件</translation>
    </message>
</context>
<context>
    <name>QueuePane</name>
    <message>
        <source>Search, or a ticket number (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Assign to me</source>
        <translation>分派给我</translation>
    </message>
    <message>
        <source>Assign to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change group…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change priority…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>Edit filter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as a new view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the view “{name}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some tickets were skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} updated, {m} skipped:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} tickets updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Change group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Resolution code</source>
        <translation>解决代码</translation>
    </message>
    <message>
        <source>Change priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>影响</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急度</translation>
    </message>
    <message>
        <source>Add an internal note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueuePlaceholder</name>
    <message>
        <source>The ticket queue is not available in this build.
Open a ticket by its number with Go ▸ Go to ticket… (Ctrl+G).</source>
        <translation>此版本不包含工单队列。
可通过 转到 ▸ 转到工单…（Ctrl+G）按工单号打开工单。</translation>
    </message>
</context>
<context>
    <name>RequesterPicker</name>
    <message>
        <source>Search contacts by name or email…</source>
        <translation>按姓名或邮箱搜索联系人…</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>请求人</translation>
    </message>
    <message>
        <source>No contact matches “{text}”</source>
        <translation>没有与“{text}”匹配的联系人</translation>
    </message>
</context>
<context>
    <name>StartupErrorDialog</name>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>&lt;b&gt;Desk cannot open the database.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Desk 无法打开数据库。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Choose another database…</source>
        <translation>选择其他数据库(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>StartupWindow</name>
    <message>
        <source>Desk</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>处理中</translation>
    </message>
</context>
<context>
    <name>TicketForm</name>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>New {kind}</source>
        <translation>新{kind}</translation>
    </message>
    <message>
        <source>Major incident</source>
        <translation>重大事件</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Dismiss notice</source>
        <translation>关闭提示</translation>
    </message>
    <message>
        <source>A short summary of the request or fault</source>
        <translation>请求或故障的简要描述</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>What happened, what was asked, what the requester already tried</source>
        <translation>发生了什么、请求了什么、请求人已尝试过什么</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>描述(&amp;D)</translation>
    </message>
    <message>
        <source>Re&amp;quester</source>
        <translation>请求人(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Organization</source>
        <translation>组织(&amp;O)</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>渠道(&amp;H)</translation>
    </message>
    <message>
        <source>Cat&amp;egory</source>
        <translation>类别(&amp;E)</translation>
    </message>
    <message>
        <source>Pa&amp;rent ticket</source>
        <translation>父工单(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Major incident — significant business impact</source>
        <translation>重大事件 — 严重业务影响(&amp;M)</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>状态(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Impact</source>
        <translation>影响(&amp;I)</translation>
    </message>
    <message>
        <source>Urgenc&amp;y</source>
        <translation>紧急度(&amp;Y)</translation>
    </message>
    <message>
        <source>Priority follows from impact × urgency</source>
        <translation>优先级由影响 × 紧急度决定</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Assignment &amp;group</source>
        <translation>分派组(&amp;G)</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>我</translation>
    </message>
    <message>
        <source>Assign to me</source>
        <translation>分派给我</translation>
    </message>
    <message>
        <source>&amp;Assignee</source>
        <translation>处理人(&amp;A)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Resolution&lt;/b&gt;</source>
        <translation>&lt;b&gt;解决&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Resolution &amp;code</source>
        <translation>解决代码(&amp;C)</translation>
    </message>
    <message>
        <source>What fixed it, or why the request is done</source>
        <translation>如何解决的，或请求为何已完成</translation>
    </message>
    <message>
        <source>Reso&amp;lution notes</source>
        <translation>解决说明(&amp;L)</translation>
    </message>
    <message>
        <source>Worklog</source>
        <translation>工作日志</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Affected CIs</source>
        <translation>受影响的配置项</translation>
    </message>
    <message>
        <source>A new ticket starts as New</source>
        <translation>新工单的状态为“新建”</translation>
    </message>
    <message>
        <source>This ticket no longer exists.</source>
        <translation>此工单已不存在。</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>(unassigned)</source>
        <translation>（未分派）</translation>
    </message>
    <message>
        <source>Worklog ({n})</source>
        <translation>工作日志 ({n})</translation>
    </message>
    <message>
        <source>Attachments ({n})</source>
        <translation>附件 ({n})</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无人）</translation>
    </message>
    <message>
        <source>The previous assignee is not a member of this group</source>
        <translation>原处理人不是该组成员</translation>
    </message>
    <message>
        <source>Cannot keep a local draft: {reason}</source>
        <translation>无法保存本地草稿：{reason}</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Opened {when}</source>
        <translation>创建于 {when}</translation>
    </message>
    <message>
        <source>updated {when}</source>
        <translation>更新于 {when}</translation>
    </message>
    <message>
        <source>resolved {when}</source>
        <translation>解决于 {when}</translation>
    </message>
    <message>
        <source>Not saved yet — worklog, attachments and history follow after the first save</source>
        <translation>尚未保存 — 首次保存后可使用工作日志、附件和历史</translation>
    </message>
    <message>
        <source>A title is required</source>
        <translation>必须填写标题</translation>
    </message>
    <message>
        <source>Choose how the ticket was resolved</source>
        <translation>请选择工单的解决方式</translation>
    </message>
    <message>
        <source>Describe the resolution for the requester</source>
        <translation>请为请求人描述解决方案</translation>
    </message>
    <message>
        <source>Checking this ticket number… save again in a moment</source>
        <translation>正在核对工单号…请稍后再保存</translation>
    </message>
    <message>
        <source>A ticket cannot be its own parent</source>
        <translation>工单不能是自己的父工单</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Not saved: {number} was changed by someone else. Your edits are still here.</source>
        <translation>未保存：{number} 已被他人修改。您的修改仍然保留。</translation>
    </message>
    <message>
        <source>Save again</source>
        <translation>再次保存</translation>
    </message>
    <message>
        <source>{status} cannot follow {theirs}; choose the status again</source>
        <translation>“{theirs}”之后不能是“{status}”，请重新选择状态</translation>
    </message>
    <message>
        <source>{number} was changed elsewhere while you were editing. Your edits are kept; saving will let you choose field by field.</source>
        <translation>您编辑期间 {number} 在别处被修改。您的修改已保留；保存时可逐个字段选择。</translation>
    </message>
    <message>
        <source>Review now</source>
        <translation>立即查看</translation>
    </message>
</context>
<context>
    <name>UserPickDialog</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Who is working on {db}?</source>
        <translation>谁在使用 {db}？</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
</context>
<context>
    <name>WorklogTimeline</name>
    <message>
        <source>Worklog</source>
        <translation>工作日志</translation>
    </message>
    <message>
        <source>No worklog entries yet.</source>
        <translation>暂无工作日志。</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>内部备注</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
</context>
<context>
    <name>desk</name>
    <message>
        <source>{sign}{h} h {m:02d} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sign}{m} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database: sqlite:///FILE, a file path, or postgresql+psycopg://user@host[:port]/db</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desk — a desktop service desk console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign in as this user (local databases)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start the console (the default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create or upgrade the schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show the schema revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copy the database to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>make URL the database Desk opens by default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>store the server password in the system keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fill the database with realistic demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no progress bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password stored in the system keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--tickets must be 0 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a PostgreSQL server has a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desk will open {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for {who}</source>
        <translation>{who} 的密码</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {summary} in {secs:.1f} s ({rate:,.0f} tickets/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: schema {current} ({state}; this Desk knows {head})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where} is at schema {head}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upstream of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>configuration items: import, export, impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import CIs and relationships from CSV files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CIs (cis.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>relationships (source,type,target)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export CIs and relationships to CSV files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what is affected if these CIs are down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CI names (class:name when a name is ambiguous)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>walk upstream: what these CIs depend on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most N hops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine-readable output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list CI classes and their fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add a CI class (administrators)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CIs of this class are business services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a field of the class; types: text, integer, decimal, boolean, date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show or set which relationship types propagate an outage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give --cis and/or --relationships</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--depth must be 0 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business services needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Affected business services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} CIs and {r} relationships exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing else is affected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dependencies found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class {name} added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propagating: {types}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--field {spec}: write NAME:TYPE or NAME:TYPE:required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{c} CIs created, {u} updated, {s} unchanged; {r} relationships created, {rs} already present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the external id is longer than 200 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} line {line}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} bad rows; nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name!r} names more than one CI; write class:name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a CI cannot be related to itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown class {name!r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no CI named {name!r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not UTF-8 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} line {line}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown owner group {name!r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the same CI as line {line}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another {cls} is named {name} already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>external id {id} is used on line {line} too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a CI cannot be its own location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{col} is longer than {n} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field} is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>location: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing columns: {cols}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>repeated columns: {cols}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} values but only {m} columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>class {cls} has no field {field}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration item no longer exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CI name is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The owner group no longer exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CI cannot be related to itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown status {value} (one of: {allowed})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown environment {value} (one of: {allowed})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field} must be {type}, not {value!r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a date (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CI class no longer exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CI cannot be its own location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The location no longer exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relationship no longer exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket no longer exists</source>
        <translation>该工单已不存在</translation>
    </message>
    <message>
        <source>{name} was changed by someone else since you opened it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criticality must be a whole number from {lo} to {hi}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is longer than {n} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The class has no field {field}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class name {name!r}: use letters, digits and underscores, starting with a letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown CI class {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CI of this class named {name} exists already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown relationship type {value} (one of: {allowed})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field name {name!r}: use lower-case letters, digits and underscores, starting with a letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field name {name} is taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown field type {type} (one of: {allowed})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The class {name} exists already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The external id {id} is used by another CI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{source} {type} {target} exists already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no CI named {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is ambiguous; write class:name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A major incident needs at least 2 incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window must be at least 1 minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown relationship type {type}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Development</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>depends on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runs on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is contained in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connects to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is backed up by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is needed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is connected from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backs up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Virtual machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection refused (is the server running?)</source>
        <translation>连接被拒绝（服务器是否在运行？）</translation>
    </message>
    <message>
        <source>unknown host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database error on {where}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer within {s} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database error on {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong password for user &apos;{user}&apos; on {where}</source>
        <translation>{where} 上用户“{user}”的密码错误</translation>
    </message>
    <message>
        <source>{where} needs a password for user &apos;{user}&apos;</source>
        <translation>{where} 需要用户“{user}”的密码</translation>
    </message>
    <message>
        <source>The database &apos;{db}&apos; does not exist on {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user &apos;{user}&apos; does not exist on {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No write permission on {where}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the PostgreSQL server {where}: {reason}</source>
        <translation>无法连接 PostgreSQL 服务器 {where}：{reason}</translation>
    </message>
    <message>
        <source>The database file {path} is read-only</source>
        <translation>数据库文件 {path} 是只读的</translation>
    </message>
    <message>
        <source>Cannot open the database file {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not a Desk database (or it is damaged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file {path} is locked by another program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pg_dump is not installed; install the PostgreSQL client tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An in-memory database cannot be backed up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {where} was upgraded by a newer Desk (schema {current}); this Desk knows schema {head} at most. Install the newer Desk to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} exists already; choose a new file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup to {path} failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keyring is available here; Desk will ask for the password each session instead of storing it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put no password in the database URL; Desk keeps it in the system keyring (run &apos;desk db password --db URL&apos;) or asks for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported database &apos;{backend}&apos;: use sqlite:///FILE or postgresql+psycopg://user@host/db</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a database URL: {url}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PostgreSQL URL names no database: {url}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of tickets must be 0 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CMDB</source>
        <translation>配置管理</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{tickets:,} tickets ({kinds}), {events:,} events, {worklogs:,} worklog entries, {users} people in {groups} groups, {contacts:,} requesters{extras}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data exists in these languages: {locales}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Service request</source>
        <translation>服务请求</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Pending: customer</source>
        <translation>挂起：等待客户</translation>
    </message>
    <message>
        <source>Pending: vendor</source>
        <translation>挂起：等待供应商</translation>
    </message>
    <message>
        <source>Pending: change</source>
        <translation>挂起：等待变更</translation>
    </message>
    <message>
        <source>Known error</source>
        <translation>已知错误</translation>
    </message>
    <message>
        <source>Assess</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Authorize</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>已排期</translation>
    </message>
    <message>
        <source>Implement</source>
        <translation>实施</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>回顾</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>门户</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>现场</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>监控</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>组长</translation>
    </message>
    <message>
        <source>Field technician</source>
        <translation>现场工程师</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Solved (permanently)</source>
        <translation>已解决（永久）</translation>
    </message>
    <message>
        <source>Solved (workaround)</source>
        <translation>已解决（临时方案）</translation>
    </message>
    <message>
        <source>Not reproducible</source>
        <translation>无法复现</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>User error / training</source>
        <translation>用户操作 / 培训</translation>
    </message>
    <message>
        <source>Fulfilled</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Implemented successfully</source>
        <translation>实施成功</translation>
    </message>
    <message>
        <source>Implemented unsuccessfully</source>
        <translation>实施失败</translation>
    </message>
    <message>
        <source>A {kind} cannot go from {current} to {target}; allowed: {allowed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A {kind} in {current} is final and cannot go to {target}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolving needs a resolution code</source>
        <translation>解决工单需要解决代码</translation>
    </message>
    <message>
        <source>{status} is not a status of a {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 - High</source>
        <translation>1 - 高</translation>
    </message>
    <message>
        <source>2 - Medium</source>
        <translation>2 - 中</translation>
    </message>
    <message>
        <source>3 - Low</source>
        <translation>3 - 低</translation>
    </message>
    <message>
        <source>P1 Critical</source>
        <translation>P1 紧急</translation>
    </message>
    <message>
        <source>P2 High</source>
        <translation>P2 高</translation>
    </message>
    <message>
        <source>P3 Moderate</source>
        <translation>P3 中</translation>
    </message>
    <message>
        <source>P4 Low</source>
        <translation>P4 低</translation>
    </message>
    <message>
        <source>P5 Planning</source>
        <translation>P5 计划</translation>
    </message>
    <message>
        <source>Impact must be 1, 2 or 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgency must be 1, 2 or 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority matrix is missing cells: {cells}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority matrix cell {cell} must be 1–5, got {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My open work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned in my groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All open in my groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recently updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Major incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>请求人</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A view needs a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The view no longer exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A number of days cannot be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A category name is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The category {name} exists already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A user name is required</source>
        <translation>必须填写用户名</translation>
    </message>
    <message>
        <source>A group name is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown role {role}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name {name} is taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group {name} exists already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest attachment (bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close resolved tickets after (business days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown setting {key}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} must be at least {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} must be a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment no longer exists</source>
        <translation>该附件已不存在</translation>
    </message>
    <message>
        <source>The note is empty</source>
        <translation>备注为空</translation>
    </message>
    <message>
        <source>The attachment has no file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n:.1f} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A title is required</source>
        <translation>必须填写标题</translation>
    </message>
    <message>
        <source>The assignee is not a member of the assignment group</source>
        <translation>处理人不是分派组的成员</translation>
    </message>
    <message>
        <source>Unknown worklog visibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} bytes</source>
        <translation>{n} 字节</translation>
    </message>
    <message>
        <source>{n:.1f} KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} was changed by someone else since you opened it</source>
        <translation>自您打开后，{number} 已被他人修改</translation>
    </message>
    <message>
        <source>no longer exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is {size} — larger than the limit of {limit}</source>
        <translation>{name} 大小为 {size}，超过上限 {limit}</translation>
    </message>
    <message>
        <source>The title is longer than {n} characters</source>
        <translation>标题超过 {n} 个字符</translation>
    </message>
    <message>
        <source>Unknown ticket kind {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown channel {channel}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start &quot;24:00&quot; is not a time HH:MM (24:00 may only end a segment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a list of [&quot;HH:MM&quot;, &quot;HH:MM&quot;] segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an object with tz and hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing IANA time zone name such as Asia/Shanghai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an object mapping weekdays to segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a list of dates YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a pair [&quot;HH:MM&quot;, &quot;HH:MM&quot;]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is not a date YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only used when workdays is a list of dates; give each date its hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an object of date: segments, or a list of dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the calendar has no working time left to count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start {value} is not a time HH:MM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end {value} is not a time HH:MM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown time zone {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{segment} overlaps {other}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field (expected {fields})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown weekday (expected {names})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holidays: expected a list of dates YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>workdays: expected an object of date: segments, or a list of dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subdiv: &quot;{subdiv}&quot; is not a subdivision of {country}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>country: &quot;{country}&quot; is not a country the holiday tables know (use an ISO 3166 code such as CN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Unknown user</source>
        <translation>未知用户</translation>
    </message>
    <message>
        <source>Opening database {where}…</source>
        <translation>正在打开数据库 {where}…</translation>
    </message>
    <message>
        <source>Password not stored</source>
        <translation>密码未保存</translation>
    </message>
    <message>
        <source>There is no user {name} in this database.</source>
        <translation>此数据库中没有用户 {name}。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criticality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} open incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>影响</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急度</translation>
    </message>
    <message>
        <source>Assignment group</source>
        <translation>分派组</translation>
    </message>
    <message>
        <source>Parent ticket</source>
        <translation>父工单</translation>
    </message>
    <message>
        <source>Major incident</source>
        <translation>重大事件</translation>
    </message>
    <message>
        <source>Resolution code</source>
        <translation>解决代码</translation>
    </message>
    <message>
        <source>Resolution notes</source>
        <translation>解决说明</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新值</translation>
    </message>
</context>
</TS>
