<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionsBox</name>
    <message>
        <source>Notify the team lead</source>
        <translation>通知服务台经理</translation>
    </message>
    <message>
        <source>Raise the priority</source>
        <translation>提高优先级</translation>
    </message>
    <message>
        <source>Reassign to</source>
        <translation>重新指派给</translation>
    </message>
    <message>
        <source>(a deleted group)</source>
        <translation>（已删除的组）</translation>
    </message>
</context>
<context>
    <name>AffectedCisPanel</name>
    <message>
        <source>&lt;b&gt;Affected CIs&lt;/b&gt;</source>
        <translation>&lt;b&gt;受影响的配置项&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Add a CI: type part of its name…</source>
        <translation>添加配置项：输入部分名称…</translation>
    </message>
    <message>
        <source>Search configuration items</source>
        <translation>搜索配置项</translation>
    </message>
    <message>
        <source>Matching configuration items</source>
        <translation>匹配的配置项</translation>
    </message>
    <message>
        <source>Affected configuration items</source>
        <translation>受影响的配置项</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the selected CI from this ticket</source>
        <translation>从此工单移除所选配置项</translation>
    </message>
    <message>
        <source>Other open tickets on these CIs:</source>
        <translation>这些配置项上的其他未关闭工单：</translation>
    </message>
    <message>
        <source>Other open tickets on these CIs</source>
        <translation>这些配置项上的其他未关闭工单</translation>
    </message>
    <message>
        <source>Parent:</source>
        <translation>父工单：</translation>
    </message>
    <message>
        <source>Parent major incident</source>
        <translation>父重大事件</translation>
    </message>
    <message>
        <source>Link as major incident</source>
        <translation>关联为重大事件</translation>
    </message>
    <message>
        <source>Save the ticket to add affected CIs</source>
        <translation>保存工单后才能添加受影响的配置项</translation>
    </message>
    <message>
        <source>Affected business services: {names}</source>
        <translation>受影响的业务服务：{names}</translation>
    </message>
    <message>
        <source>No business service is affected.</source>
        <translation>没有受影响的业务服务。</translation>
    </message>
    <message>
        <source>Double-click to open {number}</source>
        <translation>双击打开 {number}</translation>
    </message>
    <message>
        <source>{n} open incidents on {ci} within {minutes} minutes: this may be a major incident. Link them under one parent?</source>
        <translation>{minutes} 分钟内 {ci} 上出现 {n} 个未关闭事件：这可能是重大事件。是否将它们关联到同一个父工单下？</translation>
    </message>
    <message>
        <source>No CI matches “{text}”</source>
        <translation>没有与“{text}”匹配的配置项</translation>
    </message>
    <message>
        <source>{parent} is a major incident; linked: {linked}</source>
        <translation>{parent} 已成为重大事件；已关联：{linked}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Not linked: {items}</source>
        <translation>未关联：{items}</translation>
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
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Remove the selected attachment from the ticket</source>
        <translation>从工单中移除所选附件</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>保存附件</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>移除附件</translation>
    </message>
    <message>
        <source>Remove {name} from this ticket? The ticket&apos;s history keeps a note that it was removed.</source>
        <translation>要从此工单中移除 {name} 吗？工单历史中会保留移除记录。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>AttainmentDialog</name>
    <message>
        <source>SLA attainment</source>
        <translation>SLA 达成率</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>起始(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>截至(&amp;U)</translation>
    </message>
    <message>
        <source>Per &amp;month</source>
        <translation>按月(&amp;M)</translation>
    </message>
    <message>
        <source>Per &amp;group</source>
        <translation>按组(&amp;G)</translation>
    </message>
    <message>
        <source>A target counts once its verdict is certain: met or breached when its clock stopped, or already past due while open. Months are UTC.</source>
        <translation>目标在结果确定后才计入：时钟停止时已达成或已违约，或工单未关闭但已超过到期时间。月份按 UTC 划分。</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>达成</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>违约</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Attained</source>
        <translation>达成率</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation>（无组）</translation>
    </message>
    <message>
        <source>Overall: {met} of {total} targets met ({pct:.1f} %).</source>
        <translation>总计：{total} 个目标中达成 {met} 个（{pct:.1f} %）。</translation>
    </message>
    <message>
        <source>No target has a verdict in this period.</source>
        <translation>此期间没有已确定结果的目标。</translation>
    </message>
    <message>
        <source>Wrote 1 row to {file}.</source>
        <translation>已将 1 行写入 {file}。</translation>
    </message>
    <message>
        <source>Wrote {n} rows to {file}.</source>
        <translation>已将 {n} 行写入 {file}。</translation>
    </message>
    <message>
        <source>Export SLA attainment</source>
        <translation>导出 SLA 达成率</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
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
    <name>Banner</name>
    <message>
        <source>Dismiss notice</source>
        <translation>关闭提示</translation>
    </message>
</context>
<context>
    <name>CalendarEditor</name>
    <message>
        <source>Business calendars</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <source>Calendars</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>&amp;New calendar</source>
        <translation>新建日历(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Import JSON…</source>
        <translation>导入 JSON(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport JSON…</source>
        <translation>导出 JSON(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Time zone</source>
        <translation>时区(&amp;T)</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>工作时间</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>Make-up workdays</source>
        <translation>调休工作日</translation>
    </message>
    <message>
        <source>Import public &amp;holidays…</source>
        <translation>导入法定节假日(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>还原(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&lt;b&gt;Day&lt;/b&gt;</source>
        <translation>&lt;b&gt;星期&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Working segments&lt;/b&gt;</source>
        <translation>&lt;b&gt;工作时段&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Hours&lt;/b&gt;</source>
        <translation>&lt;b&gt;小时数&lt;/b&gt;</translation>
    </message>
    <message>
        <source>closed — or e.g. 09:00–12:00, 13:00–18:00</source>
        <translation>留空表示休息，或如 09:00–12:00, 13:00–18:00</translation>
    </message>
    <message>
        <source>{day}, 00:00 to 24:00</source>
        <translation>{day}，00:00 至 24:00</translation>
    </message>
    <message>
        <source>Segments are wall time in the calendar&apos;s time zone. An end at or before the start runs past midnight; 24:00 ends at midnight.</source>
        <translation>时段按日历所在时区的当地时间填写。结束时间早于或等于开始时间表示跨过午夜；24:00 表示到午夜结束。</translation>
    </message>
    <message>
        <source>Add holiday</source>
        <translation>添加节假日</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>移除所选</translation>
    </message>
    <message>
        <source>Days that are worked although they fall on a weekend or would otherwise be off (调休), each with its own hours.</source>
        <translation>逢周末或原本休息但需要上班的日子（调休），每天可设置各自的工作时间。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Working segments</source>
        <translation>工作时段</translation>
    </message>
    <message>
        <source>Add make-up workday</source>
        <translation>添加调休工作日</translation>
    </message>
    <message>
        <source>Save or revert the changes to {name} first.</source>
        <translation>请先保存或还原对 {name} 的修改。</translation>
    </message>
    <message>
        <source>the new calendar</source>
        <translation>新日历</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>创建(&amp;C)</translation>
    </message>
    <message>
        <source>A calendar needs a name</source>
        <translation>日历必须有名称</translation>
    </message>
    <message>
        <source>Change calendar {name}</source>
        <translation>修改日历 {name}</translation>
    </message>
    <message>
        <source>Saving {name} recomputes every open clock on it from the tickets&apos; histories.</source>
        <translation>保存 {name} 会根据工单历史重新计算使用该日历的所有进行中的时钟。</translation>
    </message>
    <message>
        <source>Saved. {clocks} clocks of {tickets} open tickets recomputed.</source>
        <translation>已保存。已重新计算 {tickets} 个未关闭工单的 {clocks} 个时钟。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Revert to see their version.</source>
        <translation>还原即可查看对方的版本。</translation>
    </message>
    <message>
        <source>{file}: {error}</source>
        <translation>{file}：{error}</translation>
    </message>
    <message>
        <source>Imported {file}. Review it, then save.</source>
        <translation>已导入 {file}。请检查后保存。</translation>
    </message>
    <message>
        <source>Exported to {file}.</source>
        <translation>已导出到 {file}。</translation>
    </message>
    <message>
        <source>Import calendar</source>
        <translation>导入日历</translation>
    </message>
    <message>
        <source>Calendar JSON (*.json);;All files (*)</source>
        <translation>日历 JSON (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>导出日历</translation>
    </message>
    <message>
        <source>Calendar JSON (*.json)</source>
        <translation>日历 JSON (*.json)</translation>
    </message>
    <message>
        <source>Added {h} holidays and {w} make-up workdays. Save to keep them.</source>
        <translation>已添加 {h} 个节假日和 {w} 个调休工作日。保存后才会生效。</translation>
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
        <translation>/path/to/desk.sqlite3</translation>
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
        <translation>请选择一个配置项</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>CI</source>
        <translation>配置项</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类</translation>
    </message>
    <message>
        <source>Relationships</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>工单号</translation>
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
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工单</translation>
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
        <translation>原值</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>关系图</translation>
    </message>
    <message>
        <source>Hops</source>
        <translation>跳数</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>影响分析</translation>
    </message>
    <message>
        <source>criticality {n}</source>
        <translation>关键度 {n}</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Criticality</source>
        <translation>关键度</translation>
    </message>
    <message>
        <source>Owner group</source>
        <translation>负责组</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Asset tag</source>
        <translation>资产标签</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>External id</source>
        <translation>外部 ID</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Relationships ({n})</source>
        <translation>关系 ({n})</translation>
    </message>
    <message>
        <source>Tickets ({n})</source>
        <translation>工单 ({n})</translation>
    </message>
    <message>
        <source>(import/system)</source>
        <translation>（导入/系统）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>If {name} goes down, 1 CI is affected. Business services: {services}</source>
        <translation>如果 {name} 停止服务，将影响 1 个配置项。业务服务：{services}</translation>
    </message>
    <message>
        <source>If {name} goes down, {n} CIs are affected. Business services: {services}</source>
        <translation>如果 {name} 停止服务，将影响 {n} 个配置项。业务服务：{services}</translation>
    </message>
</context>
<context>
    <name>CiGraphPanel</name>
    <message>
        <source>Hops:</source>
        <translation>跳数：</translation>
    </message>
    <message>
        <source>Hops around the CI</source>
        <translation>以该配置项为中心的跳数</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Export as PNG image</source>
        <translation>导出为 PNG 图像</translation>
    </message>
    <message>
        <source>SVG…</source>
        <translation>SVG…</translation>
    </message>
    <message>
        <source>Export as SVG drawing</source>
        <translation>导出为 SVG 矢量图</translation>
    </message>
    <message>
        <source>Show the next nearest CIs</source>
        <translation>显示下一批最近的配置项</translation>
    </message>
    <message>
        <source>{shown} CIs shown, {hidden} more within 1 hop</source>
        <translation>已显示 {shown} 个配置项，1 跳内还有 {hidden} 个</translation>
    </message>
    <message>
        <source>{shown} CIs shown, {hidden} more within {hops} hops</source>
        <translation>已显示 {shown} 个配置项，{hops} 跳内还有 {hidden} 个</translation>
    </message>
    <message>
        <source>Show {n} more</source>
        <translation>再显示 {n} 个</translation>
    </message>
    <message>
        <source>{shown} CIs within 1 hop</source>
        <translation>1 跳内共 {shown} 个配置项</translation>
    </message>
    <message>
        <source>{shown} CIs within {hops} hops</source>
        <translation>{hops} 跳内共 {shown} 个配置项</translation>
    </message>
    <message>
        <source>open incidents</source>
        <translation>未关闭事件</translation>
    </message>
    <message>
        <source>Export graph</source>
        <translation>导出关系图</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
</context>
<context>
    <name>CiGraphView</name>
    <message>
        <source>Relationship graph</source>
        <translation>关系图</translation>
    </message>
    <message>
        <source>CMDB relationships</source>
        <translation>配置项关系</translation>
    </message>
</context>
<context>
    <name>CmdbBrowser</name>
    <message>
        <source>CI classes</source>
        <translation>配置项类</translation>
    </message>
    <message>
        <source>Name, ID or asset tag</source>
        <translation>名称、ID 或资产标签</translation>
    </message>
    <message>
        <source>Filter by name, external id or asset tag</source>
        <translation>按名称、外部 ID 或资产标签筛选</translation>
    </message>
    <message>
        <source>Filter CIs</source>
        <translation>筛选配置项</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Any environment</source>
        <translation>任意环境</translation>
    </message>
    <message>
        <source>Configuration items</source>
        <translation>配置项</translation>
    </message>
    <message>
        <source>All CIs ({n})</source>
        <translation>全部配置项 ({n})</translation>
    </message>
    <message>
        <source>1 configuration item</source>
        <translation>1 个配置项</translation>
    </message>
    <message>
        <source>{n} configuration items</source>
        <translation>{n} 个配置项</translation>
    </message>
</context>
<context>
    <name>CmdbWindow</name>
    <message>
        <source>CMDB — Desk</source>
        <translation>配置管理 — Desk</translation>
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
        <translation>任意时间</translation>
    </message>
    <message>
        <source>In the last … days</source>
        <translation>最近 … 天</translation>
    </message>
    <message>
        <source>Between</source>
        <translation>介于</translation>
    </message>
</context>
<context>
    <name>FilterDialog</name>
    <message>
        <source>Edit view</source>
        <translation>编辑视图</translation>
    </message>
    <message>
        <source>New view</source>
        <translation>新建视图</translation>
    </message>
    <message>
        <source>Words in title, description or worklog</source>
        <translation>标题、描述或工作日志中的词语</translation>
    </message>
    <message>
        <source>Open tickets only</source>
        <translation>仅未关闭的工单</translation>
    </message>
    <message>
        <source>My groups</source>
        <translation>我的组</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>我</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未指派</translation>
    </message>
    <message>
        <source>Name or e-mail</source>
        <translation>姓名或邮箱</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Major incidents only</source>
        <translation>仅重大事件</translation>
    </message>
    <message>
        <source>No major incidents</source>
        <translation>不含重大事件</translation>
    </message>
    <message>
        <source>Relevance (with text)</source>
        <translation>相关度（需输入文本）</translation>
    </message>
    <message>
        <source>Descending</source>
        <translation>降序</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
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
        <translation>指派组</translation>
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
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Sort by</source>
        <translation>排序方式</translation>
    </message>
    <message>
        <source>A view needs a name</source>
        <translation>视图必须有名称</translation>
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
        <translation>状态与指派历史</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
</context>
<context>
    <name>HolidayImportDialog</name>
    <message>
        <source>Import public holidays</source>
        <translation>导入法定节假日</translation>
    </message>
    <message>
        <source>&amp;Country (ISO code)</source>
        <translation>国家/地区（ISO 代码）(&amp;C)</translation>
    </message>
    <message>
        <source>optional, e.g. a state or province code</source>
        <translation>可选，例如州或省的代码</translation>
    </message>
    <message>
        <source>&amp;Subdivision</source>
        <translation>行政区划(&amp;S)</translation>
    </message>
    <message>
        <source>2026, 2027 or 2026-2028</source>
        <translation>例如 2026 或 2026-2028</translation>
    </message>
    <message>
        <source>&amp;Years</source>
        <translation>年份(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Look up</source>
        <translation>查询(&amp;L)</translation>
    </message>
    <message>
        <source>Review the days below; untick any you do not want.</source>
        <translation>请检查下列日期；取消勾选不需要的日期。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Holidays&lt;/b&gt; (no work)</source>
        <translation>&lt;b&gt;节假日&lt;/b&gt;（休息）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Make-up workdays&lt;/b&gt; (worked weekend days)</source>
        <translation>&lt;b&gt;调休工作日&lt;/b&gt;（周末上班）</translation>
    </message>
    <message>
        <source>&amp;Add to calendar</source>
        <translation>添加到日历(&amp;A)</translation>
    </message>
    <message>
        <source>{holidays} holidays and {workdays} make-up workdays for {country}. Untick any you do not want, then add them; the calendar is saved only when you save it.</source>
        <translation>{country} 共有 {holidays} 个节假日和 {workdays} 个调休工作日。取消勾选不需要的日期后添加；日历只有在您保存时才会保存。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
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
        <source>Ticket number (e.g. INC0001234 or 1234):</source>
        <translation>工单号（例如 INC0001234 或 1234）：</translation>
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
        <source>SLA &amp;attainment…</source>
        <translation>SLA 达成率(&amp;A)…</translation>
    </message>
    <message>
        <source>Targets met and breached per policy, group and month</source>
        <translation>按策略、组和月份统计已达成和已违约的目标</translation>
    </message>
    <message>
        <source>Business &amp;calendars…</source>
        <translation>工作日历(&amp;C)…</translation>
    </message>
    <message>
        <source>Working hours, holidays and make-up workdays of the SLA clocks</source>
        <translation>SLA 时钟使用的工作时间、节假日和调休工作日</translation>
    </message>
    <message>
        <source>SLA &amp;policies…</source>
        <translation>SLA 策略(&amp;P)…</translation>
    </message>
    <message>
        <source>Which tickets get which targets</source>
        <translation>哪些工单适用哪些目标</translation>
    </message>
    <message>
        <source>Desk &amp;settings…</source>
        <translation>Desk 设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Attachment limit, how outages travel in the CMDB, major incidents</source>
        <translation>附件大小上限、故障在配置项之间的传播方式、重大事件</translation>
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
        <source>&amp;Reports</source>
        <translation>报表(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>管理(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
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
        <source>System language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <source>Applies when Desk next starts</source>
        <translation>下次启动 Desk 时生效</translation>
    </message>
    <message>
        <source>The language could not be saved: {reason}</source>
        <translation>无法保存语言设置：{reason}</translation>
    </message>
    <message>
        <source>Desk will follow the system&apos;s language from its next start.</source>
        <translation>从下次启动起，Desk 将跟随系统语言。</translation>
    </message>
    <message>
        <source>Desk will start in {language} next time.</source>
        <translation>Desk 下次启动时将使用 {language}。</translation>
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
        <source>File: {path}</source>
        <translation>文件：{path}</translation>
    </message>
    <message>
        <source>Server: {server}</source>
        <translation>服务器：{server}</translation>
    </message>
    <message>
        <source>The database this console works on</source>
        <translation>本控制台使用的数据库</translation>
    </message>
    <message>
        <source>Signed in as {name} ({role})</source>
        <translation>当前用户：{name}（{role}）</translation>
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
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Offline — reconnecting…</source>
        <translation>离线 — 正在重新连接…</translation>
    </message>
    <message>
        <source>Changes made in other consoles appear here without refreshing</source>
        <translation>其他控制台所做的更改会自动显示在这里，无需刷新</translation>
    </message>
    <message>
        <source>Changes made in other consoles appear after F5 until the connection is back</source>
        <translation>连接恢复之前，其他控制台所做的更改需按 F5 后才会显示</translation>
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
    <name>NotificationBanner</name>
    <message>
        <source>&amp;Open ticket</source>
        <translation>打开工单(&amp;O)</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Dismiss SLA notice</source>
        <translation>关闭 SLA 提醒</translation>
    </message>
    <message>
        <source>Show in &amp;queue</source>
        <translation>在队列中显示(&amp;Q)</translation>
    </message>
    <message>
        <source>Dismiss the summary</source>
        <translation>关闭摘要</translation>
    </message>
    <message>
        <source>More SLA notices</source>
        <translation>更多 SLA 提醒</translation>
    </message>
    <message>
        <source>SLA targets of your groups already due when you signed in — breached: {b}, at warning: {w}</source>
        <translation>登录时您所在组已到期的 SLA 目标 — 已违约：{b}，已达预警：{w}</translation>
    </message>
    <message>
        <source>Click to open {number}</source>
        <translation>点击打开 {number}</translation>
    </message>
    <message>
        <source>{n} more</source>
        <translation>另有 {n} 条</translation>
    </message>
</context>
<context>
    <name>NotificationCenter</name>
    <message>
        <source>Desk — SLA notifications</source>
        <translation>Desk — SLA 通知</translation>
    </message>
    <message>
        <source>SLA breached</source>
        <translation>SLA 已违约</translation>
    </message>
    <message>
        <source>SLA warning</source>
        <translation>SLA 预警</translation>
    </message>
    <message>
        <source>and {n} more</source>
        <translation>另有 {n} 条</translation>
    </message>
</context>
<context>
    <name>NumberChoiceDialog</name>
    <message>
        <source>Which ticket?</source>
        <translation>哪个工单？</translation>
    </message>
    <message>
        <source>{n} tickets have the number {number}:</source>
        <translation>有 {n} 个工单的工单号为 {number}：</translation>
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
    <name>PolicyEditor</name>
    <message>
        <source>SLA policies</source>
        <translation>SLA 策略</translation>
    </message>
    <message>
        <source>In order: the first active policy that matches a ticket applies.</source>
        <translation>按顺序匹配：第一个与工单匹配的已启用策略生效。</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>&amp;New policy</source>
        <translation>新建策略(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>Lower numbers are tried first</source>
        <translation>数字越小越先匹配</translation>
    </message>
    <message>
        <source>&amp;Active</source>
        <translation>启用(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Order</source>
        <translation>顺序(&amp;O)</translation>
    </message>
    <message>
        <source>Applies to tickets — nothing ticked in a list means any</source>
        <translation>适用的工单 — 列表中未勾选任何项表示不限</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>工单类型</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Category (and its subcategories)</source>
        <translation>类别（含子类别）</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>还原(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source> (inactive)</source>
        <translation>（已停用）</translation>
    </message>
    <message>
        <source>Save or revert the changes to {name} first.</source>
        <translation>请先保存或还原对 {name} 的修改。</translation>
    </message>
    <message>
        <source>the new policy</source>
        <translation>新策略</translation>
    </message>
    <message>
        <source>{target} (not set)</source>
        <translation>{target}（未设置）</translation>
    </message>
    <message>
        <source>A policy needs a name</source>
        <translation>策略必须有名称</translation>
    </message>
    <message>
        <source>Another policy is called {name}</source>
        <translation>已有名为 {name} 的策略</translation>
    </message>
    <message>
        <source>Tick at least one target below.</source>
        <translation>请在下方至少勾选一个目标。</translation>
    </message>
    <message>
        <source>The duration must be more than zero</source>
        <translation>时长必须大于零</translation>
    </message>
    <message>
        <source>Choose a calendar</source>
        <translation>请选择日历</translation>
    </message>
    <message>
        <source>Choose the group to reassign to</source>
        <translation>请选择要重新指派到的组</translation>
    </message>
    <message>
        <source>Change policy {name}</source>
        <translation>修改策略 {name}</translation>
    </message>
    <message>
        <source>New policy {name}</source>
        <translation>新建策略 {name}</translation>
    </message>
    <message>
        <source>Saving recomputes the open tickets&apos; clocks under the policies in force.</source>
        <translation>保存后将按生效的策略重新计算未关闭工单的时钟。</translation>
    </message>
    <message>
        <source>Saved. 1 clock recomputed.</source>
        <translation>已保存。已重新计算 1 个时钟。</translation>
    </message>
    <message>
        <source>Saved. {n} clocks recomputed.</source>
        <translation>已保存。已重新计算 {n} 个时钟。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Revert to see their version.</source>
        <translation>还原即可查看对方的版本。</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>{clocks} clocks of {tickets} open tickets would change. Nothing is saved until you apply.</source>
        <translation>{tickets} 个未关闭工单的 {clocks} 个时钟将发生变化。在您应用之前不会保存任何内容。</translation>
    </message>
    <message>
        <source>No open ticket&apos;s due instant moves. Nothing is saved until you apply.</source>
        <translation>未关闭工单的到期时间均无变化。在您应用之前不会保存任何内容。</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Due before</source>
        <translation>原到期时间</translation>
    </message>
    <message>
        <source>Due after</source>
        <translation>新到期时间</translation>
    </message>
    <message>
        <source>Moves by</source>
        <translation>变化量</translation>
    </message>
    <message>
        <source>Left before</source>
        <translation>原剩余时间</translation>
    </message>
    <message>
        <source>Left after</source>
        <translation>新剩余时间</translation>
    </message>
    <message>
        <source>&amp;Apply and recompute</source>
        <translation>应用并重新计算(&amp;A)</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>{d} later</source>
        <translation>推迟 {d}</translation>
    </message>
    <message>
        <source>{d} earlier</source>
        <translation>提前 {d}</translation>
    </message>
    <message>
        <source>(paused)</source>
        <translation>（已暂停）</translation>
    </message>
    <message>
        <source>(no clock)</source>
        <translation>（无时钟）</translation>
    </message>
    <message>
        <source>({state})</source>
        <translation>（{state}）</translation>
    </message>
    <message>
        <source>time left changes</source>
        <translation>剩余时间变化</translation>
    </message>
    <message>
        <source>Saving and recomputing the open tickets&apos; clocks…</source>
        <translation>正在保存并重新计算未关闭工单的时钟…</translation>
    </message>
</context>
<context>
    <name>QueuePane</name>
    <message>
        <source>Search, or a ticket number (Ctrl+K)</source>
        <translation>搜索，或输入工单号 (Ctrl+K)</translation>
    </message>
    <message>
        <source>New view…</source>
        <translation>新建视图…</translation>
    </message>
    <message>
        <source>No tickets in this view</source>
        <translation>此视图中没有工单</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Assign to me</source>
        <translation>指派给我</translation>
    </message>
    <message>
        <source>Assign to…</source>
        <translation>指派给…</translation>
    </message>
    <message>
        <source>Change group…</source>
        <translation>更改指派组…</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>更改状态…</translation>
    </message>
    <message>
        <source>Change priority…</source>
        <translation>更改优先级…</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>添加备注…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>New ticket</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <source>Saved views</source>
        <translation>已保存的视图</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>Edit filter…</source>
        <translation>编辑筛选条件…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Save as a new view…</source>
        <translation>另存为新视图…</translation>
    </message>
    <message>
        <source>Rename view</source>
        <translation>重命名视图</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Delete view</source>
        <translation>删除视图</translation>
    </message>
    <message>
        <source>Delete the view “{name}”?</source>
        <translation>删除视图“{name}”吗？</translation>
    </message>
    <message>
        <source>Nothing found for “{text}”</source>
        <translation>未找到与“{text}”相关的内容</translation>
    </message>
    <message>
        <source>{status} — Searched for the first {n} words</source>
        <translation>{status} — 只搜索了前 {n} 个词</translation>
    </message>
    <message>
        <source>1 ticket</source>
        <translation>1 个工单</translation>
    </message>
    <message>
        <source>{n} tickets</source>
        <translation>{n} 个工单</translation>
    </message>
    <message>
        <source>Some tickets were skipped</source>
        <translation>部分工单已跳过</translation>
    </message>
    <message>
        <source>{n} updated, {m} skipped:</source>
        <translation>已更新 {n} 个，跳过 {m} 个：</translation>
    </message>
    <message>
        <source>1 ticket updated</source>
        <translation>已更新 1 个工单</translation>
    </message>
    <message>
        <source>{n} tickets updated</source>
        <translation>已更新 {n} 个工单</translation>
    </message>
    <message>
        <source>Assign to</source>
        <translation>指派给</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Change group</source>
        <translation>更改指派组</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>指派组</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>更改状态</translation>
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
        <translation>更改优先级</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>影响度</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急度</translation>
    </message>
    <message>
        <source>Add an internal note</source>
        <translation>添加内部备注</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
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
    <name>SettingsDialog</name>
    <message>
        <source>Desk settings</source>
        <translation>Desk 设置</translation>
    </message>
    <message>
        <source>These settings apply to every console on this database.</source>
        <translation>这些设置适用于使用此数据库的所有控制台。</translation>
    </message>
    <message>
        <source>Nothing to save: no setting was changed.</source>
        <translation>无需保存：没有修改任何设置。</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
</context>
<context>
    <name>SlaPanel</name>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Due (your time)</source>
        <translation>到期（本地时间）</translation>
    </message>
    <message>
        <source>Due (calendar time)</source>
        <translation>到期（日历时区）</translation>
    </message>
    <message>
        <source>Policy · calendar</source>
        <translation>策略 · 日历</translation>
    </message>
    <message>
        <source>SLA targets</source>
        <translation>SLA 目标</translation>
    </message>
    <message>
        <source>&amp;Timeline of</source>
        <translation>时间线(&amp;T)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>计入</translation>
    </message>
    <message>
        <source>What the clock did</source>
        <translation>时钟状态</translation>
    </message>
    <message>
        <source>SLA timeline</source>
        <translation>SLA 时间线</translation>
    </message>
    <message>
        <source>Save the ticket to start its SLA clocks.</source>
        <translation>保存工单后开始计算 SLA 时钟。</translation>
    </message>
    <message>
        <source>counting</source>
        <translation>计时</translation>
    </message>
    <message>
        <source>outside business hours</source>
        <translation>非工作时间</translation>
    </message>
    <message>
        <source>holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>paused by status</source>
        <translation>因状态暂停</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>This ticket no longer exists.</source>
        <translation>此工单已不存在。</translation>
    </message>
    <message>
        <source>No SLA policy applies to this ticket.</source>
        <translation>此工单不适用任何 SLA 策略。</translation>
    </message>
    <message>
        <source>Policy {policy}. Times are business time on each target&apos;s calendar.</source>
        <translation>策略：{policy}。时间均为各目标所用日历上的工作时间。</translation>
    </message>
    <message>
        <source>{elapsed} of {target} used</source>
        <translation>已用 {elapsed}，共 {target}</translation>
    </message>
    <message>
        <source>took {elapsed} of {target}</source>
        <translation>用时 {elapsed}，目标 {target}</translation>
    </message>
    <message>
        <source>when the pause ends + {left}</source>
        <translation>暂停结束后 + {left}</translation>
    </message>
    <message>
        <source>overdue when the pause ends</source>
        <translation>暂停结束即逾期</translation>
    </message>
    <message>
        <source>stopped {when}</source>
        <translation>停止于 {when}</translation>
    </message>
    <message>
        <source>The calendar&apos;s time zone</source>
        <translation>日历所在时区</translation>
    </message>
    <message>
        <source>breached</source>
        <translation>已违约</translation>
    </message>
    <message>
        <source>Breached (running)</source>
        <translation>已违约（计时中）</translation>
    </message>
    <message>
        <source>Running — past warning</source>
        <translation>计时中 — 已过预警</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>计时中</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>已达成</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>已违约</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>{counted} counted of {target}</source>
        <translation>已计入 {counted}，共 {target}</translation>
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
        <translation>正在处理…</translation>
    </message>
</context>
<context>
    <name>StatusPicker</name>
    <message>
        <source>(nothing pauses it)</source>
        <translation>（无暂停状态）</translation>
    </message>
</context>
<context>
    <name>TargetEditor</name>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source> % of the target</source>
        <translation> %（占目标时长）</translation>
    </message>
    <message>
        <source>&amp;Duration (business time)</source>
        <translation>时长（工作时间）(&amp;D)</translation>
    </message>
    <message>
        <source>Ca&amp;lendar</source>
        <translation>日历(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Paused by</source>
        <translation>暂停状态(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Warning at</source>
        <translation>预警阈值(&amp;W)</translation>
    </message>
    <message>
        <source>At warning</source>
        <translation>预警时</translation>
    </message>
    <message>
        <source>At breach</source>
        <translation>违约时</translation>
    </message>
    <message>
        <source>= {d}</source>
        <translation>= {d}</translation>
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
        <source>A short summary of the request or fault</source>
        <translation>请求或故障的简要描述</translation>
    </message>
    <message>
        <source>What happened, what was asked, what the requester already tried</source>
        <translation>发生了什么、请求了什么、请求人已尝试过什么</translation>
    </message>
    <message>
        <source>Priority follows from impact × urgency</source>
        <translation>优先级由影响度 × 紧急度决定</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>我</translation>
    </message>
    <message>
        <source>Assign to me</source>
        <translation>指派给我</translation>
    </message>
    <message>
        <source>&lt;b&gt;Resolution&lt;/b&gt;</source>
        <translation>&lt;b&gt;解决&lt;/b&gt;</translation>
    </message>
    <message>
        <source>What fixed it, or why the request is done</source>
        <translation>如何解决的，或请求为何已完成</translation>
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
        <source>SLA</source>
        <translation>SLA</translation>
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
        <translation>（未指派）</translation>
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
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
    <message>
        <source>Not saved: {problem} (and {count} more)</source>
        <translation>未保存：{problem}（另有 {count} 个问题）</translation>
    </message>
    <message>
        <source>Not saved: {problem}</source>
        <translation>未保存：{problem}</translation>
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
        <source>Checking this ticket number… save again in a moment</source>
        <translation>正在核对工单号…请稍后再保存</translation>
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
        <source>database: sqlite:///FILE, a file path, or postgresql+psycopg://user@host[:port]/db</source>
        <translation>数据库：sqlite:///FILE、文件路径，或 postgresql+psycopg://user@host[:port]/db</translation>
    </message>
    <message>
        <source>Desk — a desktop service desk console.</source>
        <translation>Desk — 桌面服务台控制台。</translation>
    </message>
    <message>
        <source>sign in as this user (local databases)</source>
        <translation>以此用户身份登录（本地数据库）</translation>
    </message>
    <message>
        <source>start the console (the default)</source>
        <translation>启动控制台（默认）</translation>
    </message>
    <message>
        <source>database maintenance</source>
        <translation>数据库维护</translation>
    </message>
    <message>
        <source>create or upgrade the schema</source>
        <translation>创建或升级数据库结构</translation>
    </message>
    <message>
        <source>show the schema revision</source>
        <translation>显示数据库结构版本</translation>
    </message>
    <message>
        <source>copy the database to a file</source>
        <translation>将数据库复制到文件</translation>
    </message>
    <message>
        <source>make URL the database Desk opens by default</source>
        <translation>将 URL 设为 Desk 默认打开的数据库</translation>
    </message>
    <message>
        <source>store the server password in the system keyring</source>
        <translation>将服务器密码保存到系统钥匙串</translation>
    </message>
    <message>
        <source>fill the database with realistic demo data</source>
        <translation>用逼真的演示数据填充数据库</translation>
    </message>
    <message>
        <source>no progress bar</source>
        <translation>不显示进度条</translation>
    </message>
    <message>
        <source>Password stored in the system keyring</source>
        <translation>密码已保存到系统钥匙串</translation>
    </message>
    <message>
        <source>unknown command</source>
        <translation>未知命令</translation>
    </message>
    <message>
        <source>Only a PostgreSQL server has a password</source>
        <translation>只有 PostgreSQL 服务器需要密码</translation>
    </message>
    <message>
        <source>No password entered</source>
        <translation>未输入密码</translation>
    </message>
    <message>
        <source>{n:,} demo tickets take about {gb:.1f} GB of disk</source>
        <translation>{n:,} 个演示工单约占用 {gb:.1f} GB 磁盘空间</translation>
    </message>
    <message>
        <source>Desk will open {where}</source>
        <translation>Desk 将打开 {where}</translation>
    </message>
    <message>
        <source>Password for {who}</source>
        <translation>{who} 的密码</translation>
    </message>
    <message>
        <source>--tickets must be between 0 and {n:,}</source>
        <translation>--tickets 必须介于 0 到 {n:,} 之间</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>{where}: {summary} in {secs:.1f} s ({rate:,.0f} tickets/s)</source>
        <translation>{where}：{summary}，用时 {secs:.1f} 秒（每秒 {rate:,.0f} 个工单）</translation>
    </message>
    <message>
        <source>{where}: schema {current} ({state}; this Desk knows {head})</source>
        <translation>{where}：数据库结构 {current}（{state}；此版本 Desk 最高支持 {head}）</translation>
    </message>
    <message>
        <source>Added the default SLA calendars and policies</source>
        <translation>已添加默认的 SLA 日历和策略</translation>
    </message>
    <message>
        <source>{where} already holds {n:,} tickets; the demo fills only a database without tickets. Add --replace to delete everything in it first, or give a new file with --db</source>
        <translation>{where} 中已有 {n:,} 个工单；演示数据只会填充没有工单的数据库。请添加 --replace 先删除其中的全部内容，或用 --db 指定一个新文件</translation>
    </message>
    <message>
        <source>{n:,} demo tickets need about {gb:.1f} GB of disk; {path} has {free:.1f} GB free</source>
        <translation>{n:,} 个演示工单约需 {gb:.1f} GB 磁盘空间；{path} 只有 {free:.1f} GB 可用空间</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{where} is at schema {head}</source>
        <translation>{where} 的数据库结构版本为 {head}</translation>
    </message>
    <message>
        <source>--keep-days must be 0 or more</source>
        <translation>--keep-days 必须大于或等于 0</translation>
    </message>
    <message>
        <source>Backed up to {path}</source>
        <translation>已备份到 {path}</translation>
    </message>
    <message>
        <source>Removed {n} change-feed entries</source>
        <translation>已删除 {n} 条数据变更日志记录</translation>
    </message>
    <message>
        <source>Upstream of</source>
        <translation>上游依赖查询</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>故障配置项</translation>
    </message>
    <message>
        <source>configuration items: import, export, impact</source>
        <translation>配置项：导入、导出、影响分析</translation>
    </message>
    <message>
        <source>import CIs and relationships from CSV files</source>
        <translation>从 CSV 文件导入配置项和关系</translation>
    </message>
    <message>
        <source>CIs (cis.csv)</source>
        <translation>配置项（cis.csv）</translation>
    </message>
    <message>
        <source>relationships (source,type,target)</source>
        <translation>关系（source,type,target）</translation>
    </message>
    <message>
        <source>export CIs and relationships to CSV files</source>
        <translation>将配置项和关系导出为 CSV 文件</translation>
    </message>
    <message>
        <source>what is affected if these CIs are down</source>
        <translation>这些配置项停止服务时会影响什么</translation>
    </message>
    <message>
        <source>CI names (class:name when a name is ambiguous)</source>
        <translation>配置项名称（名称有歧义时写作 class:name）</translation>
    </message>
    <message>
        <source>walk upstream: what these CIs depend on</source>
        <translation>向上游遍历：这些配置项依赖什么</translation>
    </message>
    <message>
        <source>at most N hops</source>
        <translation>最多 N 跳</translation>
    </message>
    <message>
        <source>machine-readable output</source>
        <translation>机器可读的输出</translation>
    </message>
    <message>
        <source>list CI classes and their fields</source>
        <translation>列出配置项类及其字段</translation>
    </message>
    <message>
        <source>add a CI class (administrators)</source>
        <translation>添加配置项类（管理员）</translation>
    </message>
    <message>
        <source>CIs of this class are business services</source>
        <translation>此类配置项为业务服务</translation>
    </message>
    <message>
        <source>a field of the class; types: text, integer, decimal, boolean, date</source>
        <translation>类的字段；类型：text、integer、decimal、boolean、date</translation>
    </message>
    <message>
        <source>show or set which relationship types propagate an outage</source>
        <translation>显示或设置哪些关系类型会传播故障</translation>
    </message>
    <message>
        <source>Give --cis and/or --relationships</source>
        <translation>请指定 --cis 和/或 --relationships</translation>
    </message>
    <message>
        <source>--depth must be 0 or more</source>
        <translation>--depth 必须大于或等于 0</translation>
    </message>
    <message>
        <source>Hops</source>
        <translation>跳数</translation>
    </message>
    <message>
        <source>CI</source>
        <translation>配置项</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类</translation>
    </message>
    <message>
        <source>Business services needed</source>
        <translation>所需的业务服务</translation>
    </message>
    <message>
        <source>Affected business services</source>
        <translation>受影响的业务服务</translation>
    </message>
    <message>
        <source>{n} CIs and {r} relationships exported</source>
        <translation>已导出 {n} 个配置项和 {r} 条关系</translation>
    </message>
    <message>
        <source>Nothing else is affected.</source>
        <translation>没有其他受影响的对象。</translation>
    </message>
    <message>
        <source>No dependencies found.</source>
        <translation>未找到依赖项。</translation>
    </message>
    <message>
        <source>Class {name} added</source>
        <translation>已添加类 {name}</translation>
    </message>
    <message>
        <source>Propagating: {types}</source>
        <translation>传播故障的关系类型：{types}</translation>
    </message>
    <message>
        <source>--field {spec}: write NAME:TYPE or NAME:TYPE:required</source>
        <translation>--field {spec}：请写作 NAME:TYPE 或 NAME:TYPE:required</translation>
    </message>
    <message>
        <source>{c} CIs created, {u} updated, {s} unchanged; {r} relationships created, {rs} already present</source>
        <translation>配置项：新建 {c} 个，更新 {u} 个，未变 {s} 个；关系：新建 {r} 条，已存在 {rs} 条</translation>
    </message>
    <message>
        <source>the external id is longer than 200 characters</source>
        <translation>外部 ID 超过 200 个字符</translation>
    </message>
    <message>
        <source>{file} line {line}: {reason}</source>
        <translation>{file} 第 {line} 行：{reason}</translation>
    </message>
    <message>
        <source>{n} bad rows; nothing was imported</source>
        <translation>{n} 行有误；未导入任何内容</translation>
    </message>
    <message>
        <source>{name!r} names more than one CI; write class:name</source>
        <translation>{name!r} 对应多个配置项；请写作 class:name</translation>
    </message>
    <message>
        <source>source</source>
        <translation>源</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>a CI cannot be related to itself</source>
        <translation>配置项不能与自身建立关系</translation>
    </message>
    <message>
        <source>Cannot write {path}: it is a folder</source>
        <translation>无法写入 {path}：它是一个文件夹</translation>
    </message>
    <message>
        <source>Cannot write {path}: the folder {folder} does not exist</source>
        <translation>无法写入 {path}：文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <source>Cannot write {path}: permission denied</source>
        <translation>无法写入 {path}：权限不足</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>unknown class {name!r}</source>
        <translation>未知的类 {name!r}</translation>
    </message>
    <message>
        <source>no CI named {name!r}</source>
        <translation>没有名为 {name!r} 的配置项</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is not UTF-8 text</source>
        <translation>{path} 不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>{path} line {line}: {reason}</source>
        <translation>{path} 第 {line} 行：{reason}</translation>
    </message>
    <message>
        <source>unknown owner group {name!r}</source>
        <translation>未知的负责组 {name!r}</translation>
    </message>
    <message>
        <source>the same CI as line {line}</source>
        <translation>与第 {line} 行是同一个配置项</translation>
    </message>
    <message>
        <source>another {cls} is named {name} already</source>
        <translation>已有另一个名为 {name} 的{cls}</translation>
    </message>
    <message>
        <source>external id {id} is used on line {line} too</source>
        <translation>外部 ID {id} 在第 {line} 行也被使用</translation>
    </message>
    <message>
        <source>a CI cannot be its own location</source>
        <translation>配置项不能是其自身的位置</translation>
    </message>
    <message>
        <source>{path} line {line}: a value opened with a quote (&quot;) is never closed</source>
        <translation>{path} 第 {line} 行：某个值以引号 (&quot;) 开始，但没有结束引号</translation>
    </message>
    <message>
        <source>{col} is longer than {n} characters</source>
        <translation>{col} 超过 {n} 个字符</translation>
    </message>
    <message>
        <source>{field} is required</source>
        <translation>必须填写 {field}</translation>
    </message>
    <message>
        <source>location: {reason}</source>
        <translation>位置：{reason}</translation>
    </message>
    <message>
        <source>missing columns: {cols}</source>
        <translation>缺少列：{cols}</translation>
    </message>
    <message>
        <source>repeated columns: {cols}</source>
        <translation>重复的列：{cols}</translation>
    </message>
    <message>
        <source>{n} values but only {m} columns</source>
        <translation>有 {n} 个值，但只有 {m} 列</translation>
    </message>
    <message>
        <source>class {cls} has no field {field}</source>
        <translation>类 {cls} 没有字段 {field}</translation>
    </message>
    <message>
        <source>The configuration item no longer exists</source>
        <translation>该配置项已不存在</translation>
    </message>
    <message>
        <source>A CI name is required</source>
        <translation>必须填写配置项名称</translation>
    </message>
    <message>
        <source>Asset tag</source>
        <translation>资产标签</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>The owner group no longer exists</source>
        <translation>该负责组已不存在</translation>
    </message>
    <message>
        <source>A CI cannot be related to itself</source>
        <translation>配置项不能与自身建立关系</translation>
    </message>
    <message>
        <source>Unknown status {value} (one of: {allowed})</source>
        <translation>未知状态 {value}（可选：{allowed}）</translation>
    </message>
    <message>
        <source>Unknown environment {value} (one of: {allowed})</source>
        <translation>未知环境 {value}（可选：{allowed}）</translation>
    </message>
    <message>
        <source>{field} must be {type}, not {value!r}</source>
        <translation>{field} 必须是{type}，而不是 {value!r}</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>a date (YYYY-MM-DD)</source>
        <translation>日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>The CI class no longer exists</source>
        <translation>该配置项类已不存在</translation>
    </message>
    <message>
        <source>A CI cannot be its own location</source>
        <translation>配置项不能是其自身的位置</translation>
    </message>
    <message>
        <source>The location no longer exists</source>
        <translation>该位置已不存在</translation>
    </message>
    <message>
        <source>The relationship no longer exists</source>
        <translation>该关系已不存在</translation>
    </message>
    <message>
        <source>The ticket no longer exists</source>
        <translation>该工单已不存在</translation>
    </message>
    <message>
        <source>{name} was changed by someone else since you opened it</source>
        <translation>自您打开后，{name} 已被他人修改</translation>
    </message>
    <message>
        <source>Criticality must be a whole number from {lo} to {hi}</source>
        <translation>关键度必须是 {lo} 到 {hi} 之间的整数</translation>
    </message>
    <message>
        <source>Relationship types: which way an outage travels</source>
        <translation>关系类型：故障的传播方向</translation>
    </message>
    <message>
        <source>A depends on B</source>
        <translation>A 依赖于 B</translation>
    </message>
    <message>
        <source>A runs on B</source>
        <translation>A 运行于 B</translation>
    </message>
    <message>
        <source>A is contained in B</source>
        <translation>A 包含于 B</translation>
    </message>
    <message>
        <source>A connects to B (B is A&apos;s uplink)</source>
        <translation>A 连接到 B（B 是 A 的上联）</translation>
    </message>
    <message>
        <source>A is backed up by B</source>
        <translation>A 备份到 B</translation>
    </message>
    <message>
        <source>Suggest a major incident at this many open incidents on one CI</source>
        <translation>同一配置项上的未关闭事件达到此数量时，建议定为重大事件</translation>
    </message>
    <message>
        <source>… opened within (minutes)</source>
        <translation>… 且在此时长内创建（分钟）</translation>
    </message>
    <message>
        <source>If B is down, A is affected</source>
        <translation>B 停止服务时，A 受影响</translation>
    </message>
    <message>
        <source>If A is down, B is affected</source>
        <translation>A 停止服务时，B 受影响</translation>
    </message>
    <message>
        <source>If either is down, the other is affected</source>
        <translation>任一方停止服务时，另一方受影响</translation>
    </message>
    <message>
        <source>Carries no outage</source>
        <translation>不传播故障</translation>
    </message>
    <message>
        <source>Service owner</source>
        <translation>服务负责人</translation>
    </message>
    <message>
        <source>Service hours</source>
        <translation>服务时间</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>Size (GB)</source>
        <translation>大小（GB）</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>CPU cores</source>
        <translation>CPU 核数</translation>
    </message>
    <message>
        <source>Memory (GB)</source>
        <translation>内存（GB）</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP 地址</translation>
    </message>
    <message>
        <source>vCPUs</source>
        <translation>vCPU 数</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Capacity (TB)</source>
        <translation>容量（TB）</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>分配给</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>The configuration file {path} must hold a JSON object, not {kind}</source>
        <translation>配置文件 {path} 必须包含一个 JSON 对象，而不是 {kind}</translation>
    </message>
    <message>
        <source>In the configuration file {path}, &quot;database&quot; must be a text (a URL or a file path), not {value}</source>
        <translation>配置文件 {path} 中的 &quot;database&quot; 必须是文本（URL 或文件路径），而不是 {value}</translation>
    </message>
    <message>
        <source>Cannot read the configuration file {path}: {reason}</source>
        <translation>无法读取配置文件 {path}：{reason}</translation>
    </message>
    <message>
        <source>The configuration file {path} is not valid JSON ({reason}); fix or remove it</source>
        <translation>配置文件 {path} 不是有效的 JSON（{reason}）；请修正或删除该文件</translation>
    </message>
    <message>
        <source>The database file {path} is damaged ({detail}). Close every Desk using it and copy your last good backup over it (one made with &apos;desk db backup&apos;, or the {name}.*.bak copy Desk makes before each upgrade)</source>
        <translation>数据库文件 {path} 已损坏（{detail}）。请关闭所有使用它的 Desk，然后用最近一份完好的备份覆盖它（用“desk db backup”创建的备份，或 Desk 每次升级前生成的 {name}.*.bak 副本）</translation>
    </message>
    <message>
        <source>The login {user} may not connect to {where}; ask a Desk administrator to give it access</source>
        <translation>登录名 {user} 无权连接 {where}；请联系 Desk 管理员授予访问权限</translation>
    </message>
    <message>
        <source>{where} took longer than {s} s to answer; the request was cancelled</source>
        <translation>{where} 超过 {s} 秒未响应；请求已取消</translation>
    </message>
    <message>
        <source>History entries cannot be changed or deleted ({reason})</source>
        <translation>历史记录不能修改或删除（{reason}）</translation>
    </message>
    <message>
        <source>Only a PostgreSQL database keeps a change feed</source>
        <translation>只有 PostgreSQL 数据库才有数据变更日志</translation>
    </message>
    <message>
        <source>Only an administrator can prune the change feed</source>
        <translation>只有管理员才能清理数据变更日志</translation>
    </message>
    <message>
        <source>{where} is not a Desk database: it holds {n} tables of another program ({names}). Desk creates its schema only in an empty database</source>
        <translation>{where} 不是 Desk 数据库：其中有 {n} 个其他程序的表（{names}）。Desk 只会在空数据库中创建数据库结构</translation>
    </message>
    <message>
        <source>Backup to {path} failed: the copy does not pass its integrity check ({detail})</source>
        <translation>备份到 {path} 失败：副本未通过完整性检查（{detail}）</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file</source>
        <translation>{path} 是文件夹，不是数据库文件</translation>
    </message>
    <message>
        <source>There is no database file {path}; check the path, or create the database with &apos;desk db upgrade --db {path}&apos;</source>
        <translation>数据库文件 {path} 不存在；请检查路径，或用“desk db upgrade --db {path}”创建数据库</translation>
    </message>
    <message>
        <source>An in-memory SQLite database would be lost when Desk exits; give a file: sqlite:///FILE</source>
        <translation>内存 SQLite 数据库会在 Desk 退出时丢失；请指定文件：sqlite:///FILE</translation>
    </message>
    <message>
        <source>The database URL contains a control character: {url}</source>
        <translation>数据库 URL 包含控制字符：{url}</translation>
    </message>
    <message>
        <source>Write the user, host, port and database in the URL itself, not as ?{key}= options</source>
        <translation>请将用户、主机、端口和数据库直接写在 URL 中，不要用 ?{key}= 选项</translation>
    </message>
    <message>
        <source>Not a port number: {port}</source>
        <translation>不是端口号：{port}</translation>
    </message>
    <message>
        <source>Not a database URL (bad host or port): {url}</source>
        <translation>不是数据库 URL（主机或端口有误）：{url}</translation>
    </message>
    <message>
        <source>Desk takes no options in a SQLite URL: {url}</source>
        <translation>Desk 不接受 SQLite URL 中的选项：{url}</translation>
    </message>
    <message>
        <source>Not a database file path: {path}</source>
        <translation>不是数据库文件路径：{path}</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
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
        <translation>影响度(&amp;I)</translation>
    </message>
    <message>
        <source>Urgenc&amp;y</source>
        <translation>紧急度(&amp;Y)</translation>
    </message>
    <message>
        <source>Assignment &amp;group</source>
        <translation>指派组(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Assignee</source>
        <translation>处理人(&amp;A)</translation>
    </message>
    <message>
        <source>Resolution &amp;code</source>
        <translation>解决代码(&amp;C)</translation>
    </message>
    <message>
        <source>Reso&amp;lution notes</source>
        <translation>解决说明(&amp;L)</translation>
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
        <source>{label} contains a character that cannot be saved (U+{code:04X})</source>
        <translation>{label}包含无法保存的字符（U+{code:04X}）</translation>
    </message>
    <message>
        <source>A ticket cannot be its own parent</source>
        <translation>工单不能是自己的父工单</translation>
    </message>
    <message>
        <source>Describe the resolution for the requester</source>
        <translation>请为请求人描述解决方案</translation>
    </message>
    <message>
        <source>The search took longer than {s} s and was stopped; search for fewer or longer words</source>
        <translation>搜索超过 {s} 秒，已停止；请减少搜索词或使用更长的词</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Only an administrator can manage people on this database</source>
        <translation>只有管理员才能管理此数据库中的人员</translation>
    </message>
    <message>
        <source>{login} is not a valid login: use lower-case letters, digits and _ (up to 63, not starting with a digit or pg_)</source>
        <translation>{login} 不是有效的登录名：只能使用小写字母、数字和 _（最多 63 个字符，不能以数字或 pg_ 开头）</translation>
    </message>
    <message>
        <source>Unknown role {role}: use agent, lead, field or admin</source>
        <translation>未知角色 {role}：请使用 agent、lead、field 或 admin</translation>
    </message>
    <message>
        <source>There is no user {name}</source>
        <translation>不存在用户 {name}</translation>
    </message>
    <message>
        <source>There is no group {name}</source>
        <translation>不存在组 {name}</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>The login {login} is not an active user of this desk; ask an administrator to add it</source>
        <translation>登录名 {login} 不是此服务台的启用用户；请让管理员添加</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>{title} must be yes or no</source>
        <translation>{title}必须为“是”或“否”</translation>
    </message>
    <message>
        <source>{title} must be at most {n}</source>
        <translation>{title}不能超过 {n}</translation>
    </message>
    <message>
        <source>{title}: {value} is not one of the choices</source>
        <translation>{title}：{value} 不是可选值之一</translation>
    </message>
    <message>
        <source>{title} must be a whole number</source>
        <translation>{title}必须是整数</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>The file name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>A ticket was saved from this form already, as {number}, with other values; open {number} to change it</source>
        <translation>此表单已保存为工单 {number}，但内容不同；请打开 {number} 进行修改</translation>
    </message>
    <message>
        <source>Breaching soon</source>
        <translation>即将违约</translation>
    </message>
    <message>
        <source>The name is longer than {n} characters</source>
        <translation>名称超过 {n} 个字符</translation>
    </message>
    <message>
        <source>The class has no field {field}</source>
        <translation>该类没有字段 {field}</translation>
    </message>
    <message>
        <source>Class name {name!r}: use letters, digits and underscores, starting with a letter</source>
        <translation>类名 {name!r}：只能使用字母、数字和下划线，并以字母开头</translation>
    </message>
    <message>
        <source>Unknown CI class {name}</source>
        <translation>未知的配置项类 {name}</translation>
    </message>
    <message>
        <source>A CI of this class named {name} exists already</source>
        <translation>此类中已存在名为 {name} 的配置项</translation>
    </message>
    <message>
        <source>Unknown relationship type {value} (one of: {allowed})</source>
        <translation>未知的关系类型 {value}（可选：{allowed}）</translation>
    </message>
    <message>
        <source>Field name {name!r}: use lower-case letters, digits and underscores, starting with a letter</source>
        <translation>字段名 {name!r}：只能使用小写字母、数字和下划线，并以字母开头</translation>
    </message>
    <message>
        <source>The field name {name} is taken</source>
        <translation>字段名 {name} 已被使用</translation>
    </message>
    <message>
        <source>Unknown field type {type} (one of: {allowed})</source>
        <translation>未知的字段类型 {type}（可选：{allowed}）</translation>
    </message>
    <message>
        <source>The class {name} exists already</source>
        <translation>类 {name} 已存在</translation>
    </message>
    <message>
        <source>The external id {id} is used by another CI</source>
        <translation>外部 ID {id} 已被另一个配置项使用</translation>
    </message>
    <message>
        <source>{source} {type} {target} exists already</source>
        <translation>关系“{source} {type} {target}”已存在</translation>
    </message>
    <message>
        <source>no CI named {name}</source>
        <translation>没有名为 {name} 的配置项</translation>
    </message>
    <message>
        <source>{name} is ambiguous; write class:name</source>
        <translation>{name} 有歧义；请写作 class:name</translation>
    </message>
    <message>
        <source>Unknown relationship type {type}</source>
        <translation>未知的关系类型 {type}</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>维护中</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已退役</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>生产</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Development</source>
        <translation>开发</translation>
    </message>
    <message>
        <source>depends on</source>
        <translation>依赖于</translation>
    </message>
    <message>
        <source>runs on</source>
        <translation>运行于</translation>
    </message>
    <message>
        <source>is contained in</source>
        <translation>包含于</translation>
    </message>
    <message>
        <source>connects to</source>
        <translation>连接到</translation>
    </message>
    <message>
        <source>is backed up by</source>
        <translation>备份到</translation>
    </message>
    <message>
        <source>is needed by</source>
        <translation>被依赖于</translation>
    </message>
    <message>
        <source>hosts</source>
        <translation>承载</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <source>is connected from</source>
        <translation>被连接自</translation>
    </message>
    <message>
        <source>backs up</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Business service</source>
        <translation>业务服务</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Virtual machine</source>
        <translation>虚拟机</translation>
    </message>
    <message>
        <source>Network device</source>
        <translation>网络设备</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>存储</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>connection refused (is the server running?)</source>
        <translation>连接被拒绝（服务器是否在运行？）</translation>
    </message>
    <message>
        <source>unknown host name</source>
        <translation>未知的主机名</translation>
    </message>
    <message>
        <source>Database error on {where}: {reason}</source>
        <translation>{where} 上发生数据库错误：{reason}</translation>
    </message>
    <message>
        <source>no answer within {s} s</source>
        <translation>{s} 秒内无响应</translation>
    </message>
    <message>
        <source>Database error on {path}: {reason}</source>
        <translation>{path} 上发生数据库错误：{reason}</translation>
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
        <translation>{where} 上不存在数据库“{db}”</translation>
    </message>
    <message>
        <source>The user &apos;{user}&apos; does not exist on {where}</source>
        <translation>{where} 上不存在用户“{user}”</translation>
    </message>
    <message>
        <source>No write permission on {where}: {reason}</source>
        <translation>没有 {where} 的写入权限：{reason}</translation>
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
        <translation>无法打开数据库文件 {path}</translation>
    </message>
    <message>
        <source>{path} is not a Desk database (or it is damaged)</source>
        <translation>{path} 不是 Desk 数据库（或已损坏）</translation>
    </message>
    <message>
        <source>The database file {path} is locked by another program</source>
        <translation>数据库文件 {path} 已被其他程序锁定</translation>
    </message>
    <message>
        <source>Cannot create the folder {path}: {reason}</source>
        <translation>无法创建文件夹 {path}：{reason}</translation>
    </message>
    <message>
        <source>pg_dump is not installed; install the PostgreSQL client tools</source>
        <translation>未安装 pg_dump；请安装 PostgreSQL 客户端工具</translation>
    </message>
    <message>
        <source>An in-memory database cannot be backed up</source>
        <translation>内存数据库无法备份</translation>
    </message>
    <message>
        <source>The database {where} was upgraded by a newer Desk (schema {current}); this Desk knows schema {head} at most. Install the newer Desk to open it.</source>
        <translation>数据库 {where} 已被更新版本的 Desk 升级（数据库结构 {current}）；此版本 Desk 最高只支持 {head}。请安装新版 Desk 后再打开。</translation>
    </message>
    <message>
        <source>{path} exists already; choose a new file</source>
        <translation>{path} 已存在；请选择新文件</translation>
    </message>
    <message>
        <source>Backup to {path} failed: {reason}</source>
        <translation>备份到 {path} 失败：{reason}</translation>
    </message>
    <message>
        <source>No system keyring is available here; Desk will ask for the password each session instead of storing it</source>
        <translation>此处没有可用的系统钥匙串；Desk 不会保存密码，而是在每次会话时询问</translation>
    </message>
    <message>
        <source>Put no password in the database URL; Desk keeps it in the system keyring (run &apos;desk db password --db URL&apos;) or asks for it</source>
        <translation>请勿在数据库 URL 中写入密码；Desk 会将其保存在系统钥匙串中（运行“desk db password --db URL”），或在需要时询问</translation>
    </message>
    <message>
        <source>Unsupported database &apos;{backend}&apos;: use sqlite:///FILE or postgresql+psycopg://user@host/db</source>
        <translation>不支持的数据库“{backend}”：请使用 sqlite:///FILE 或 postgresql+psycopg://user@host/db</translation>
    </message>
    <message>
        <source>Not a database URL: {url}</source>
        <translation>不是数据库 URL：{url}</translation>
    </message>
    <message>
        <source>The PostgreSQL URL names no database: {url}</source>
        <translation>PostgreSQL URL 中未指定数据库：{url}</translation>
    </message>
    <message>
        <source>The number of tickets must be 0 or more</source>
        <translation>工单数量必须大于或等于 0</translation>
    </message>
    <message>
        <source>CMDB</source>
        <translation>配置管理</translation>
    </message>
    <message>
        <source>{tickets:,} tickets ({kinds}), {events:,} events, {worklogs:,} worklog entries, {users} people in {groups} groups, {contacts:,} requesters{extras}</source>
        <translation>{tickets:,} 个工单（{kinds}），{events:,} 条历史记录，{worklogs:,} 条工作日志，{groups} 个组共 {users} 人，{contacts:,} 位请求人{extras}</translation>
    </message>
    <message>
        <source>SLA clocks</source>
        <translation>SLA 时钟</translation>
    </message>
    <message>
        <source>Demo data exists in these languages: {locales}</source>
        <translation>已有以下语言的演示数据：{locales}</translation>
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
        <translation>待处理：客户</translation>
    </message>
    <message>
        <source>Pending: vendor</source>
        <translation>待处理：供应商</translation>
    </message>
    <message>
        <source>Pending: change</source>
        <translation>待处理：变更</translation>
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
        <translation>评审</translation>
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
        <translation>到访</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>监控</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>服务台坐席</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>服务台经理</translation>
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
        <translation>用户操作错误 / 需培训</translation>
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
        <translation>{kind}不能从“{current}”变为“{target}”；允许的状态：{allowed}</translation>
    </message>
    <message>
        <source>A {kind} in {current} is final and cannot go to {target}</source>
        <translation>处于“{current}”的{kind}已是最终状态，不能变为“{target}”</translation>
    </message>
    <message>
        <source>Resolving needs a resolution code</source>
        <translation>解决工单需要解决代码</translation>
    </message>
    <message>
        <source>{status} is not a status of a {kind}</source>
        <translation>“{status}”不是{kind}的状态</translation>
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
        <translation>影响度必须为 1、2 或 3</translation>
    </message>
    <message>
        <source>Urgency must be 1, 2 or 3</source>
        <translation>紧急度必须为 1、2 或 3</translation>
    </message>
    <message>
        <source>Priority matrix is missing cells: {cells}</source>
        <translation>优先级矩阵缺少单元格：{cells}</translation>
    </message>
    <message>
        <source>Priority matrix cell {cell} must be 1–5, got {value}</source>
        <translation>优先级矩阵单元格 {cell} 必须为 1–5，实际为 {value}</translation>
    </message>
    <message>
        <source>My open work</source>
        <translation>我的待办工作</translation>
    </message>
    <message>
        <source>Unassigned in my groups</source>
        <translation>我的组中未指派的工单</translation>
    </message>
    <message>
        <source>All open in my groups</source>
        <translation>我的组中所有未关闭的工单</translation>
    </message>
    <message>
        <source>Recently updated</source>
        <translation>最近更新</translation>
    </message>
    <message>
        <source>Major incidents</source>
        <translation>重大事件</translation>
    </message>
    <message>
        <source>All tickets</source>
        <translation>所有工单</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
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
        <translation>指派组</translation>
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
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>A view needs a name</source>
        <translation>视图必须有名称</translation>
    </message>
    <message>
        <source>The view no longer exists</source>
        <translation>该视图已不存在</translation>
    </message>
    <message>
        <source>Search: {text}</source>
        <translation>搜索：{text}</translation>
    </message>
    <message>
        <source>A number of days cannot be negative</source>
        <translation>天数不能为负数</translation>
    </message>
    <message>
        <source>A category name is required</source>
        <translation>必须填写类别名称</translation>
    </message>
    <message>
        <source>The category {name} exists already</source>
        <translation>类别 {name} 已存在</translation>
    </message>
    <message>
        <source>A user name is required</source>
        <translation>必须填写用户名</translation>
    </message>
    <message>
        <source>A group name is required</source>
        <translation>必须填写组名</translation>
    </message>
    <message>
        <source>An organization name is required</source>
        <translation>必须填写组织名称</translation>
    </message>
    <message>
        <source>A contact name is required</source>
        <translation>必须填写联系人姓名</translation>
    </message>
    <message>
        <source>{email} is not an email address</source>
        <translation>{email} 不是有效的邮箱地址</translation>
    </message>
    <message>
        <source>Unknown organization</source>
        <translation>未知组织</translation>
    </message>
    <message>
        <source>Unknown role {role}</source>
        <translation>未知角色 {role}</translation>
    </message>
    <message>
        <source>The user name {name} is taken</source>
        <translation>用户名 {name} 已被使用</translation>
    </message>
    <message>
        <source>The group {name} exists already</source>
        <translation>组 {name} 已存在</translation>
    </message>
    <message>
        <source>The organization {name} exists already</source>
        <translation>组织 {name} 已存在</translation>
    </message>
    <message>
        <source>Largest attachment (bytes)</source>
        <translation>附件大小上限（字节）</translation>
    </message>
    <message>
        <source>Close resolved tickets after (business days)</source>
        <translation>已解决工单自动关闭期限（工作日）</translation>
    </message>
    <message>
        <source>Unknown setting {key}</source>
        <translation>未知设置 {key}</translation>
    </message>
    <message>
        <source>{title} must be at least {n}</source>
        <translation>{title}必须至少为 {n}</translation>
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
        <translation>附件没有文件名</translation>
    </message>
    <message>
        <source>{n:.1f} MB</source>
        <translation>{n:.1f} MB</translation>
    </message>
    <message>
        <source>A title is required</source>
        <translation>必须填写标题</translation>
    </message>
    <message>
        <source>{label} is longer than {n} characters</source>
        <translation>{label}超过 {n} 个字符</translation>
    </message>
    <message>
        <source>The assignee is not a member of the assignment group</source>
        <translation>处理人不是指派组的成员</translation>
    </message>
    <message>
        <source>Unknown worklog visibility</source>
        <translation>未知的工作日志可见性</translation>
    </message>
    <message>
        <source>{n} bytes</source>
        <translation>{n} 字节</translation>
    </message>
    <message>
        <source>{n:.1f} KB</source>
        <translation>{n:.1f} KB</translation>
    </message>
    <message>
        <source>{number} was changed by someone else since you opened it</source>
        <translation>自您打开后，{number} 已被他人修改</translation>
    </message>
    <message>
        <source>no longer exists</source>
        <translation>已不存在</translation>
    </message>
    <message>
        <source>{name} is {size} — larger than the limit of {limit}</source>
        <translation>{name} 大小为 {size}，超过上限 {limit}</translation>
    </message>
    <message>
        <source>Unknown ticket kind {kind}</source>
        <translation>未知的工单类型 {kind}</translation>
    </message>
    <message>
        <source>Unknown channel {channel}</source>
        <translation>未知渠道 {channel}</translation>
    </message>
    <message>
        <source>Cannot read {path}: {error}</source>
        <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
        <source>{path} is not JSON: line {line}, column {column}: {error}</source>
        <translation>{path} 不是 JSON：第 {line} 行第 {column} 列：{error}</translation>
    </message>
    <message>
        <source>Cannot write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <source>start &quot;24:00&quot; is not a time HH:MM (24:00 may only end a segment)</source>
        <translation>开始时间“24:00”不是有效的 HH:MM 时间（24:00 只能作为时段的结束时间）</translation>
    </message>
    <message>
        <source>administration: people and their logins</source>
        <translation>管理：人员及其登录名</translation>
    </message>
    <message>
        <source>add, disable or list people</source>
        <translation>添加、停用或列出人员</translation>
    </message>
    <message>
        <source>add a person (and, on PostgreSQL, their login)</source>
        <translation>添加人员（在 PostgreSQL 上同时创建其登录名）</translation>
    </message>
    <message>
        <source>the name people see</source>
        <translation>其他人看到的名称</translation>
    </message>
    <message>
        <source>a group the person belongs to (repeat for several)</source>
        <translation>此人所属的组（可重复指定多个）</translation>
    </message>
    <message>
        <source>take a person&apos;s access away</source>
        <translation>取消某人的访问权限</translation>
    </message>
    <message>
        <source>list people</source>
        <translation>列出人员</translation>
    </message>
    <message>
        <source>Added {login} ({name}) as {role}</source>
        <translation>已添加 {login}（{name}），角色为 {role}</translation>
    </message>
    <message>
        <source>active</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Disabled {login}</source>
        <translation>已停用 {login}</translation>
    </message>
    <message>
        <source>Initial password for {login} (empty: set it later)</source>
        <translation>{login} 的初始密码（留空则稍后设置）</translation>
    </message>
    <message>
        <source>drop change-feed entries older than N days</source>
        <translation>删除早于 N 天的数据变更日志记录</translation>
    </message>
    <message>
        <source>delete everything in the database first (it holds tickets)</source>
        <translation>先删除数据库中的全部内容（当其中已有工单时）</translation>
    </message>
    <message>
        <source>expected a list of [&quot;HH:MM&quot;, &quot;HH:MM&quot;] segments</source>
        <translation>应为 [&quot;HH:MM&quot;, &quot;HH:MM&quot;] 时段的列表</translation>
    </message>
    <message>
        <source>expected an object with tz and hours</source>
        <translation>应为包含 tz 和 hours 的对象</translation>
    </message>
    <message>
        <source>missing IANA time zone name such as Asia/Shanghai</source>
        <translation>缺少 IANA 时区名称，例如 Asia/Shanghai</translation>
    </message>
    <message>
        <source>expected an object mapping weekdays to segments</source>
        <translation>应为从星期映射到时段的对象</translation>
    </message>
    <message>
        <source>expected a list of dates YYYY-MM-DD</source>
        <translation>应为 YYYY-MM-DD 格式的日期列表</translation>
    </message>
    <message>
        <source>expected a pair [&quot;HH:MM&quot;, &quot;HH:MM&quot;]</source>
        <translation>应为一对 [&quot;HH:MM&quot;, &quot;HH:MM&quot;]</translation>
    </message>
    <message>
        <source>{value} is not a date YYYY-MM-DD</source>
        <translation>{value} 不是 YYYY-MM-DD 格式的日期</translation>
    </message>
    <message>
        <source>only used when workdays is a list of dates; give each date its hours</source>
        <translation>仅在 workdays 为日期列表时使用；请为每个日期指定工作时间</translation>
    </message>
    <message>
        <source>expected an object of date: segments, or a list of dates</source>
        <translation>应为“日期: 时段”形式的对象，或日期列表</translation>
    </message>
    <message>
        <source>the calendar has no working time left to count</source>
        <translation>日历中已没有可计时的工作时间</translation>
    </message>
    <message>
        <source>start {value} is not a time HH:MM</source>
        <translation>开始时间 {value} 不是有效的 HH:MM 时间</translation>
    </message>
    <message>
        <source>end {value} is not a time HH:MM</source>
        <translation>结束时间 {value} 不是有效的 HH:MM 时间</translation>
    </message>
    <message>
        <source>unknown time zone {name}</source>
        <translation>未知时区 {name}</translation>
    </message>
    <message>
        <source>{segment} overlaps {other}</source>
        <translation>{segment} 与 {other} 重叠</translation>
    </message>
    <message>
        <source>unknown field (expected {fields})</source>
        <translation>未知字段（应为 {fields}）</translation>
    </message>
    <message>
        <source>unknown weekday (expected {names})</source>
        <translation>未知的星期（应为 {names}）</translation>
    </message>
    <message>
        <source>SLA clocks: report, recompute, calendars</source>
        <translation>SLA 时钟：报表、重新计算、日历</translation>
    </message>
    <message>
        <source>SLA attainment per policy, group and month</source>
        <translation>按策略、组和月份统计的 SLA 达成率</translation>
    </message>
    <message>
        <source>write CSV to FILE</source>
        <translation>将 CSV 写入 FILE</translation>
    </message>
    <message>
        <source>from this month on</source>
        <translation>从此月份起</translation>
    </message>
    <message>
        <source>before this month</source>
        <translation>此月份之前</translation>
    </message>
    <message>
        <source>recompute clocks from the tickets&apos; event logs</source>
        <translation>根据工单的历史记录重新计算时钟</translation>
    </message>
    <message>
        <source>every ticket, not only the open ones</source>
        <translation>所有工单，而不仅是未关闭的工单</translation>
    </message>
    <message>
        <source>fire due warnings and breaches once</source>
        <translation>执行一次到期的预警和违约处理</translation>
    </message>
    <message>
        <source>list, export or import business calendars</source>
        <translation>列出、导出或导入工作日历</translation>
    </message>
    <message>
        <source>write a calendar as JSON</source>
        <translation>将日历写为 JSON</translation>
    </message>
    <message>
        <source>JSON file (&apos;-&apos; for standard output)</source>
        <translation>JSON 文件（“-”表示标准输出）</translation>
    </message>
    <message>
        <source>read a calendar from JSON (new or replacing)</source>
        <translation>从 JSON 读取日历（新建或替换）</translation>
    </message>
    <message>
        <source>save it; without this only show what would change</source>
        <translation>保存；不加此项时只显示将发生的变化</translation>
    </message>
    <message>
        <source>merge public holidays and make-up workdays into a calendar</source>
        <translation>将法定节假日和调休工作日合并到日历中</translation>
    </message>
    <message>
        <source>ISO 3166 code, such as CN</source>
        <translation>ISO 3166 代码，例如 CN</translation>
    </message>
    <message>
        <source>subdivision (state, province)</source>
        <translation>行政区划（州、省）</translation>
    </message>
    <message>
        <source>No SLA verdicts yet</source>
        <translation>暂无 SLA 结果</translation>
    </message>
    <message>
        <source>Nothing saved (use --apply)</source>
        <translation>未保存（请使用 --apply）</translation>
    </message>
    <message>
        <source>No open ticket&apos;s due instant moves</source>
        <translation>未关闭工单的到期时间均无变化</translation>
    </message>
    <message>
        <source>The calendar has them all already</source>
        <translation>日历中已包含全部日期</translation>
    </message>
    <message>
        <source>list the calendars</source>
        <translation>列出日历</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>达成</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>违约</translation>
    </message>
    <message>
        <source>{tickets:,} tickets, {clocks:,} clocks recomputed; {moves:,} due instants moved</source>
        <translation>已重新计算 {tickets:,} 个工单的 {clocks:,} 个时钟；{moves:,} 个到期时间发生变化</translation>
    </message>
    <message>
        <source>{n} escalations fired</source>
        <translation>已执行 {n} 次升级</translation>
    </message>
    <message>
        <source>Calendar {name} written to {path}</source>
        <translation>日历 {name} 已写入 {path}</translation>
    </message>
    <message>
        <source>{n} clocks of open tickets change</source>
        <translation>未关闭工单中有 {n} 个时钟发生变化</translation>
    </message>
    <message>
        <source>Holidays added: {days}</source>
        <translation>已添加节假日：{days}</translation>
    </message>
    <message>
        <source>Make-up workdays added: {days}</source>
        <translation>已添加调休工作日：{days}</translation>
    </message>
    <message>
        <source>{n} rows written to {path}</source>
        <translation>已将 {n} 行写入 {path}</translation>
    </message>
    <message>
        <source>Calendar {name} saved; {n} clocks recomputed</source>
        <translation>日历 {name} 已保存；已重新计算 {n} 个时钟</translation>
    </message>
    <message>
        <source>{sign}{h:.1f} h</source>
        <translation>{sign}{h:.1f} 小时</translation>
    </message>
    <message>
        <source>{old} → {new}</source>
        <translation>{old} → {new}</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… 另有 {n} 个</translation>
    </message>
    <message>
        <source>{flag} expects a month YYYY-MM, got {value}</source>
        <translation>{flag} 需要 YYYY-MM 格式的月份，实际为 {value}</translation>
    </message>
    <message>
        <source>{path} is not valid JSON: line {line}, column {col}: {msg}</source>
        <translation>{path} 不是有效的 JSON：第 {line} 行第 {col} 列：{msg}</translation>
    </message>
    <message>
        <source>Calendar {name} created</source>
        <translation>已创建日历 {name}</translation>
    </message>
    <message>
        <source>Calendar {name} would be created (use --apply)</source>
        <translation>将创建日历 {name}（请使用 --apply）</translation>
    </message>
    <message>
        <source>Response due in</source>
        <translation>响应剩余时间</translation>
    </message>
    <message>
        <source>Resolution due in</source>
        <translation>解决剩余时间</translation>
    </message>
    <message>
        <source>Next update due in</source>
        <translation>下次更新剩余时间</translation>
    </message>
    <message>
        <source>The ticket kept changing; not done</source>
        <translation>工单一直在变化；未执行</translation>
    </message>
    <message>
        <source>Notified the group</source>
        <translation>已通知该组</translation>
    </message>
    <message>
        <source>Notified the team lead</source>
        <translation>已通知服务台经理</translation>
    </message>
    <message>
        <source>Reassigned to another group</source>
        <translation>已重新指派给其他组</translation>
    </message>
    <message>
        <source>{number}: {target} target at warning</source>
        <translation>{number}：{target}目标已达预警</translation>
    </message>
    <message>
        <source>Raised the priority</source>
        <translation>已提高优先级</translation>
    </message>
    <message>
        <source>{number}: {target} target breached</source>
        <translation>{number}：{target}目标已违约</translation>
    </message>
    <message>
        <source>Priority is already the highest</source>
        <translation>优先级已是最高</translation>
    </message>
    <message>
        <source>{action} failed: {error}</source>
        <translation>{action}失败：{error}</translation>
    </message>
    <message>
        <source>Running: business hours</source>
        <translation>计时中：工作时间</translation>
    </message>
    <message>
        <source>Not counting: outside business hours</source>
        <translation>不计时：非工作时间</translation>
    </message>
    <message>
        <source>Not counting: holiday</source>
        <translation>不计时：节假日</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Stopped: resolved (until reopened)</source>
        <translation>已停止：已解决（重新打开前）</translation>
    </message>
    <message>
        <source>Stopped: target met</source>
        <translation>已停止：目标已达成</translation>
    </message>
    <message>
        <source>Stopped: target breached</source>
        <translation>已停止：目标已违约</translation>
    </message>
    <message>
        <source>Stopped: ticket cancelled</source>
        <translation>已停止：工单已取消</translation>
    </message>
    <message>
        <source>Paused: status {status}</source>
        <translation>已暂停：状态为“{status}”</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Breach</source>
        <translation>违约</translation>
    </message>
    <message>
        <source>The SLA policy no longer exists</source>
        <translation>该 SLA 策略已不存在</translation>
    </message>
    <message>
        <source>A policy needs a name</source>
        <translation>策略必须有名称</translation>
    </message>
    <message>
        <source>A policy needs at least one target</source>
        <translation>策略至少需要一个目标</translation>
    </message>
    <message>
        <source>A calendar needs a name</source>
        <translation>日历必须有名称</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解决</translation>
    </message>
    <message>
        <source>Next update</source>
        <translation>下次更新</translation>
    </message>
    <message>
        <source>Notify the group&apos;s team lead</source>
        <translation>通知该组的服务台经理</translation>
    </message>
    <message>
        <source>Reassign to a group</source>
        <translation>重新指派给某个组</translation>
    </message>
    <message>
        <source>Raise the priority</source>
        <translation>提高优先级</translation>
    </message>
    <message>
        <source>There is no SLA calendar {name}</source>
        <translation>不存在 SLA 日历 {name}</translation>
    </message>
    <message>
        <source>Priorities are 1 to 5</source>
        <translation>优先级为 1 到 5</translation>
    </message>
    <message>
        <source>The warning threshold is a percentage from 1 to 100</source>
        <translation>预警阈值是 1 到 100 之间的百分比</translation>
    </message>
    <message>
        <source>The SLA calendar no longer exists</source>
        <translation>该 SLA 日历已不存在</translation>
    </message>
    <message>
        <source>Reassign needs an existing group</source>
        <translation>重新指派需要一个现有的组</translation>
    </message>
    <message>
        <source>{target} is set twice</source>
        <translation>{target}被设置了两次</translation>
    </message>
    <message>
        <source>{target}: the duration must be more than zero</source>
        <translation>{target}：时长必须大于零</translation>
    </message>
    <message>
        <source>{target}: the calendar no longer exists</source>
        <translation>{target}：该日历已不存在</translation>
    </message>
    <message>
        <source>Unknown SLA target {target}</source>
        <translation>未知的 SLA 目标 {target}</translation>
    </message>
    <message>
        <source>Unknown status {status}</source>
        <translation>未知状态 {status}</translation>
    </message>
    <message>
        <source>SLA breached</source>
        <translation>SLA 已违约</translation>
    </message>
    <message>
        <source>Next SLA due in</source>
        <translation>最近 SLA 剩余时间</translation>
    </message>
    <message>
        <source>The calendar {name} was changed by someone else</source>
        <translation>日历 {name} 已被他人修改</translation>
    </message>
    <message>
        <source>A calendar named {name} exists already</source>
        <translation>已存在名为 {name} 的日历</translation>
    </message>
    <message>
        <source>The policy {name} was changed by someone else</source>
        <translation>策略 {name} 已被他人修改</translation>
    </message>
    <message>
        <source>Loading SLA calendars…</source>
        <translation>正在加载 SLA 日历…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>SLA not available</source>
        <translation>SLA 不可用</translation>
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
        <translation>名称</translation>
    </message>
    <message>
        <source>{field}: choose a country</source>
        <translation>{field}: 请选择国家或地区</translation>
    </message>
    <message>
        <source>{field}: give at least one year</source>
        <translation>{field}: 请至少填写一个年份</translation>
    </message>
    <message>
        <source>{field}: {value} is not a year or a range like 2026-2027</source>
        <translation>{field}: {value} 不是年份，也不是形如 2026-2027 的范围</translation>
    </message>
    <message>
        <source>{field}: expected a list of dates YYYY-MM-DD</source>
        <translation>{field}: 应为 YYYY-MM-DD 格式的日期列表</translation>
    </message>
    <message>
        <source>{field}: &quot;{subdiv}&quot; is not a subdivision of {country}</source>
        <translation>{field}: “{subdiv}”不是 {country} 的行政区划</translation>
    </message>
    <message>
        <source>{field}: expected an object of date: segments, or a list of dates</source>
        <translation>{field}: 应为“日期: 时段”形式的对象，或日期列表</translation>
    </message>
    <message>
        <source>{field}: &quot;{country}&quot; is not a country the holiday tables know (use an ISO 3166 code such as CN)</source>
        <translation>{field}: 节假日表中没有国家/地区“{country}”（请使用 ISO 3166 代码，例如 CN）</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Criticality</source>
        <translation>关键度</translation>
    </message>
    <message>
        <source>Owner group</source>
        <translation>负责组</translation>
    </message>
    <message>
        <source>External id</source>
        <translation>外部 ID</translation>
    </message>
    <message>
        <source>1 open incident</source>
        <translation>1 个未关闭事件</translation>
    </message>
    <message>
        <source>{n} open incidents</source>
        <translation>{n} 个未关闭事件</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>{this} overlaps {other}; segments of one day may not overlap</source>
        <translation>{this} 与 {other} 重叠；同一天的时段不能重叠</translation>
    </message>
    <message>
        <source>Segment {n} “{text}”: write each segment as 09:00–12:00, separated by commas</source>
        <translation>第 {n} 个时段“{text}”：每个时段请写作 09:00–12:00，多个时段用逗号分隔</translation>
    </message>
    <message>
        <source>no clock</source>
        <translation>无时钟</translation>
    </message>
    <message>
        <source>{m}m</source>
        <translation>{m}分钟</translation>
    </message>
    <message>
        <source>{h}h {m:02d}m</source>
        <translation>{h}小时{m:02d}分</translation>
    </message>
    <message>
        <source>{s}s</source>
        <translation>{s}秒</translation>
    </message>
    <message>
        <source>{d}d {h}h</source>
        <translation>{d}天{h}小时</translation>
    </message>
    <message>
        <source>running</source>
        <translation>计时中</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>met</source>
        <translation>已达成</translation>
    </message>
    <message>
        <source>breached</source>
        <translation>已违约</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>影响度</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急度</translation>
    </message>
    <message>
        <source>Assignment group</source>
        <translation>指派组</translation>
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
        <source>paused — pending customer</source>
        <translation>已暂停 — 等待客户</translation>
    </message>
    <message>
        <source>paused — pending vendor</source>
        <translation>已暂停 — 等待供应商</translation>
    </message>
    <message>
        <source>paused — pending change</source>
        <translation>已暂停 — 等待变更</translation>
    </message>
    <message>
        <source>paused — {reason}</source>
        <translation>已暂停 — {reason}</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Created</source>
        <comment>ticket history event</comment>
        <translation>创建</translation>
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
