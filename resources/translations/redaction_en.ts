<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ArticleListPanel</name>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CommentDetailView</name>
    <message numerus="yes">
        <source>%n reply(ies)</source>
        <translation>
            <numerusform>%n reply</numerusform>
            <numerusform>%n replies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CommentQueue</name>
    <message numerus="yes">
        <source>%n marked · Shift+A, S, D or U decides them</source>
        <translation>
            <numerusform>%n marked · Shift+A, S, D or U decides it</numerusform>
            <numerusform>%n marked · Shift+A, S, D or U decides them</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardDialog</name>
    <message numerus="yes">
        <source>over %n decided comment(s)</source>
        <translation>
            <numerusform>over %n decided comment</numerusform>
            <numerusform>over %n decided comments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DossierDialog</name>
    <message numerus="yes">
        <source>%1 on %Ln article(s) — </source>
        <translation>
            <numerusform>%1 on %Ln article — </numerusform>
            <numerusform>%1 on %Ln articles — </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DurationTexts</name>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n week</numerusform>
            <numerusform>%n weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExchangeTexts</name>
    <message numerus="yes">
        <source>Imported: %n article(s)</source>
        <translation>
            <numerusform>Imported: %n article</numerusform>
            <numerusform>Imported: %n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n comment(s)</source>
        <translation>
            <numerusform>, %n comment</numerusform>
            <numerusform>, %n comments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n article(s) to %1.</source>
        <translation>
            <numerusform>Exported %n article to %1.</numerusform>
            <numerusform>Exported %n articles to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindReplaceBar</name>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>%n replaced</numerusform>
            <numerusform>%n replaced</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message numerus="yes">
        <source>%n paragraph(s) changed on both sides are marked between &lt;&lt;&lt;&lt;&lt;&lt;&lt; and &gt;&gt;&gt;&gt;&gt;&gt;&gt;.</source>
        <translation>
            <numerusform>%n paragraph changed on both sides is marked between &lt;&lt;&lt;&lt;&lt;&lt;&lt; and &gt;&gt;&gt;&gt;&gt;&gt;&gt;.</numerusform>
            <numerusform>%n paragraphs changed on both sides are marked between &lt;&lt;&lt;&lt;&lt;&lt;&lt; and &gt;&gt;&gt;&gt;&gt;&gt;&gt;.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModerationController</name>
    <message numerus="yes">
        <source>%n comment(s) moved to %1.</source>
        <translation>
            <numerusform>%n comment moved to %1.</numerusform>
            <numerusform>%n comments moved to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moving %n comment(s) to %1…</source>
        <translation>
            <numerusform>Moving %n comment to %1…</numerusform>
            <numerusform>Moving %n comments to %1…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Z undoes: %n moved to %1</source>
        <translation>
            <numerusform>Z undoes: %n moved to %1</numerusform>
            <numerusform>Z undoes: %n moved to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undone: %n comment(s) put back.</source>
        <translation>
            <numerusform>Undone: %n comment put back.</numerusform>
            <numerusform>Undone: %n comments put back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left alone: moved again since.</source>
        <translation>
            <numerusform>%n left alone: moved again since.</numerusform>
            <numerusform>%n left alone: moved again since.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undoing the decision on %n comment(s)…</source>
        <translation>
            <numerusform>Undoing the decision on %n comment…</numerusform>
            <numerusform>Undoing the decision on %n comments…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message numerus="yes">
        <source>%n change(s) back in the queue.</source>
        <translation>
            <numerusform>%n change back in the queue.</numerusform>
            <numerusform>%n changes back in the queue.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused change(s) put aside.</source>
        <translation>
            <numerusform>%n refused change put aside.</numerusform>
            <numerusform>%n refused changes put aside.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message numerus="yes">
        <source>held: flood, another comment from the same email or IP less than %n second(s) before</source>
        <translation>
            <numerusform>held: flood, another comment from the same email or IP less than %n second before</numerusform>
            <numerusform>held: flood, another comment from the same email or IP less than %n seconds before</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>held: %n link(s), the limit is %1</source>
        <translation>
            <numerusform>held: %n link, the limit is %1</numerusform>
            <numerusform>held: %n links, the limit is %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecoveryBanner</name>
    <message numerus="yes">
        <source>%n word(s) more than the saved version</source>
        <translation>
            <numerusform>%n word more than the saved version</numerusform>
            <numerusform>%n words more than the saved version</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s) fewer than the saved version</source>
        <translation>
            <numerusform>%n word fewer than the saved version</numerusform>
            <numerusform>%n words fewer than the saved version</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Site</name>
    <message numerus="yes">
        <source>%n change(s) waiting for the site</source>
        <translation>
            <numerusform>%n change waiting for the site</numerusform>
            <numerusform>%n changes waiting for the site</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to settle</source>
        <translation>
            <numerusform>%n to settle</numerusform>
            <numerusform>%n to settle</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused by the site</source>
        <translation>
            <numerusform>%n refused by the site</numerusform>
            <numerusform>%n refused by the site</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) sent</source>
        <translation>
            <numerusform>%n change sent</numerusform>
            <numerusform>%n changes sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new comment(s)</source>
        <translation>
            <numerusform>%n new comment</numerusform>
            <numerusform>%n new comments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s) moderated on the site</source>
        <translation>
            <numerusform>%n comment moderated on the site</numerusform>
            <numerusform>%n comments moderated on the site</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s) deleted on the site</source>
        <translation>
            <numerusform>%n comment deleted on the site</numerusform>
            <numerusform>%n comments deleted on the site</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to settle</source>
        <translation>
            <numerusform>%n conflict to settle</numerusform>
            <numerusform>%n conflicts to settle</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by the site</source>
        <translation>
            <numerusform>%n change refused by the site</numerusform>
            <numerusform>%n changes refused by the site</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) still waiting</source>
        <translation>
            <numerusform>%n change still waiting</numerusform>
            <numerusform>%n changes still waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) kept for the next sync.</source>
        <translation>
            <numerusform>%n change kept for the next sync.</numerusform>
            <numerusform>%n changes kept for the next sync.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SiteControls</name>
    <message numerus="yes">
        <source>%n article(s) published on the site.</source>
        <translation>
            <numerusform>%n article published on the site.</numerusform>
            <numerusform>%n articles published on the site.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WritingCommands</name>
    <message numerus="yes">
        <source>Typography: %n line(s) corrected.</source>
        <translation>
            <numerusform>Typography: %n line corrected.</numerusform>
            <numerusform>Typography: %n lines corrected.</numerusform>
        </translation>
    </message>
</context>
</TS>
