/**
 * The labelled set for the language check (issue #12, point 5). Written by hand before the rules
 * were tuned: sentences as people write them in reports, decisions and retros, each with the
 * rewrites a careful editor would accept — the whole sentence after the change, so the judgement
 * does not depend on which span the check chose to replace.
 *
 * `accepted: null` means no rewrite can keep the meaning (the sentence does not say what was
 * meant): the right answer there is the fallback list, not a guess.
 *
 * `heldOut` sentences were never looked at while tuning the rules; the bench reports them apart.
 */

export interface JargonSentence {
  text: string
  accepted: string[] | null
  heldOut?: true
}

export interface PlainSentence {
  text: string
  heldOut?: true
}

export const jargonSentences: JargonSentence[] = [
  // Tuning part.
  {
    text: 'We need alignment with Payments on the refund flow.',
    accepted: ['We need to agree with Payments on the refund flow.'],
  },
  {
    text: 'The teams are not aligned on the Q3 priorities.',
    accepted: [
      'The teams do not know the Q3 priorities.',
      'The teams do not know about the Q3 priorities.',
      'The teams do not agree on the Q3 priorities.',
    ],
  },
  {
    text: 'There was a lack of alignment around data retention.',
    accepted: ['There was no shared decision on data retention.', 'There was no agreement on data retention.'],
  },
  {
    text: 'We should align the roadmap with growth.',
    accepted: ['We should make the roadmap serve growth.', 'We should plan the roadmap around growth.'],
  },
  {
    text: 'Misaligned incentives between Sales and Support caused the churn.',
    accepted: ['Conflicting incentives between Sales and Support caused the churn.'],
  },
  {
    text: 'We had another alignment meeting about the launch date.',
    accepted: ['We had another meeting to agree on the launch date.'],
  },
  {
    text: 'Cross-team alignment broke down during the migration.',
    accepted: [
      'Cross-team agreement broke down during the migration.',
      'Agreement between teams broke down during the migration.',
      'Sharing decisions across teams broke down during the migration.',
    ],
  },
  {
    text: 'We spent two weeks trying to get buy-in and alignment from Legal.',
    accepted: ['We spent two weeks trying to get agreement from Legal.', 'We spent two weeks trying to get Legal to agree.'],
  },
  {
    text: 'Is team Search aligned on the new ranking rules?',
    accepted: ['Does team Search know about the new ranking rules?'],
  },
  {
    text: 'Getting alignment on the schema took a month.',
    accepted: ['Agreeing on the schema took a month.'],
  },
  {
    text: 'Platform shipped the config change we aligned on last sprint.',
    accepted: ['Platform shipped the config change we agreed to last sprint.'],
  },
  {
    text: 'Are we aligned on the rollout plan?',
    accepted: ['Do we agree on the rollout plan?'],
  },
  {
    text: 'We aligned with Identity on token lifetimes in March.',
    accepted: ['We agreed with Identity on token lifetimes in March.'],
  },
  {
    text: "Let's align on the API naming before Friday.",
    accepted: ["Let's agree on the API naming before Friday."],
  },
  {
    text: 'The mobile and web teams were misaligned on the checkout copy.',
    accepted: ['The mobile and web teams disagreed on the checkout copy.'],
  },
  {
    text: 'Our OKRs are not aligned with the company strategy.',
    accepted: ['Our OKRs do not serve the company strategy.'],
  },
  {
    text: 'Everyone was aligned, then Finance changed the budget.',
    accepted: ['Everyone agreed, then Finance changed the budget.'],
  },
  {
    text: 'They were sharing alignment on deprecating the v1 API.',
    accepted: [
      'They were sharing their decision to deprecate the v1 API.',
      'They were sharing their decision on deprecating the v1 API.',
    ],
  },
  {
    text: 'This needs more alignment between product and design.',
    accepted: ['This needs more agreement between product and design.', 'This needs product and design to agree.'],
  },
  {
    text: 'Alignment on pricing is still missing.',
    accepted: ['Agreement on pricing is still missing.', 'A decision on pricing is still missing.'],
  },
  {
    text: "Sales kept selling features that weren't aligned with the roadmap.",
    accepted: [
      "Sales kept selling features that weren't on the roadmap.",
      'Sales kept selling features that did not fit the roadmap.',
    ],
  },
  {
    text: 'We need to align with Legal before launch.',
    accepted: ['We need to agree with Legal before launch.', 'We need to check with Legal before launch.'],
  },
  {
    text: 'Please keep everyone aligned on the migration timeline.',
    accepted: ['Please keep everyone informed about the migration timeline.'],
  },
  {
    text: 'The alignment between Growth and Infra on quotas never happened.',
    accepted: ['The agreement between Growth and Infra on quotas never happened.'],
  },
  { text: 'We lack alignment.', accepted: null },
  {
    text: 'The launch slipped because nobody got alignment on the pricing tiers.',
    accepted: ['The launch slipped because nobody agreed on the pricing tiers.'],
  },

  // Held-out, first batch: written with the tuning part, before any rule, and never tuned on; but
  // by the same hand that then wrote the rules, so weaker evidence than the blind batches below.
  {
    text: 'We still need alignment from Security on the key rotation policy.',
    accepted: [
      'We still need agreement from Security on the key rotation policy.',
      'We still need Security to agree on the key rotation policy.',
    ],
    heldOut: true,
  },
  {
    text: 'Payments and Billing are misaligned on who owns refunds.',
    accepted: ['Payments and Billing disagree on who owns refunds.'],
    heldOut: true,
  },
  {
    text: 'Are the mobile teams aligned on the new login flow?',
    accepted: ['Do the mobile teams know about the new login flow?'],
    heldOut: true,
  },
  {
    text: 'There is no alignment on the retention period.',
    accepted: ['There is no shared decision on the retention period.', 'There is no agreement on the retention period.'],
    heldOut: true,
  },
  {
    text: 'Data science aligned the model roadmap to the ads strategy.',
    accepted: ['Data science made the model roadmap serve the ads strategy.'],
    heldOut: true,
  },
  {
    text: 'After the alignment session on SLAs, nothing changed.',
    accepted: ['After the meeting to agree on SLAs, nothing changed.', 'After the session to agree on SLAs, nothing changed.'],
    heldOut: true,
  },
  {
    text: 'Misaligned priorities between Checkout and Fraud slowed the release.',
    accepted: ['Conflicting priorities between Checkout and Fraud slowed the release.'],
    heldOut: true,
  },
  {
    text: 'The rollout plan we all aligned on was dropped.',
    accepted: ['The rollout plan we all agreed to was dropped.'],
    heldOut: true,
  },
  {
    text: 'Is the platform team aligned on the deprecation date?',
    accepted: ['Does the platform team know about the deprecation date?'],
    heldOut: true,
  },
  {
    text: 'Reaching alignment on the data contract took three meetings.',
    accepted: ['Agreeing on the data contract took three meetings.'],
    heldOut: true,
  },
  {
    text: "We weren't aligned with Marketing on the launch messaging.",
    accepted: ['We did not agree with Marketing on the launch messaging.'],
    heldOut: true,
  },
  {
    text: 'Better cross-team alignment would have prevented this.',
    accepted: [
      'Better cross-team agreement would have prevented this.',
      'Better sharing of decisions across teams would have prevented this.',
    ],
    heldOut: true,
  },
  { text: 'Leadership wants alignment.', accepted: null, heldOut: true },

  // Tuning, second batch: written blind after the rules first ran (they then fitted 2 of these 15
  // and flagged 2 of the 4 new plain sentences); then tuned on, so counted as tuning since.
  {
    text: "Product and Engineering never aligned on what 'done' means.",
    accepted: ["Product and Engineering never agreed on what 'done' means."],
  },
  {
    text: "I'm not sure the data team is aligned with us on the new event schema.",
    accepted: ["I'm not sure the data team agrees with us on the new event schema."],
  },
  {
    text: 'We were told the change had been aligned with all stakeholders.',
    accepted: ['We were told the change had been agreed with all stakeholders.'],
  },
  {
    text: 'Nobody aligned the mobile release with the backend freeze.',
    accepted: [
      'Nobody made the mobile release fit the backend freeze.',
      'Nobody planned the mobile release around the backend freeze.',
    ],
  },
  {
    text: 'Without alignment from Finance, the pricing page went live anyway.',
    accepted: ['Without agreement from Finance, the pricing page went live anyway.'],
  },
  {
    text: 'The infra roadmap is misaligned with the product goals.',
    accepted: ['The infra roadmap does not serve the product goals.', 'The infra roadmap conflicts with the product goals.'],
  },
  {
    text: 'We should have aligned earlier with Support on the refund policy.',
    accepted: ['We should have agreed earlier with Support on the refund policy.'],
  },
  {
    text: 'Alignments happen in a weekly call nobody outside Platform attends.',
    accepted: ['Decisions happen in a weekly call nobody outside Platform attends.'],
  },
  {
    text: 'Marketing and Sales need to be aligned before the launch.',
    accepted: ['Marketing and Sales need to agree before the launch.'],
  },
  {
    text: 'The alignment doc for the search revamp was never shared with us.',
    accepted: ['The decision doc for the search revamp was never shared with us.'],
  },
  {
    text: 'How do we get everyone aligned on the incident process?',
    accepted: [
      'How do we get everyone to agree on the incident process?',
      'How do we get everyone to know about the incident process?',
    ],
  },
  {
    text: 'Security was aligned but nobody told us.',
    accepted: ['Security agreed but nobody told us.', 'Security knew but nobody told us.'],
  },
  {
    text: 'The goal is to align teams around a single onboarding flow.',
    accepted: ['The goal is to get teams to agree on a single onboarding flow.'],
  },
  {
    text: "Our quarterly goals were misaligned with Platform's.",
    accepted: ["Our quarterly goals conflicted with Platform's."],
  },
  {
    text: "Let's make sure we're aligned before the review.",
    accepted: ["Let's make sure we agree before the review."],
  },

  // Tuning, third batch: held out until measured once after the second batch was tuned on (10 of
  // these 16 fitted, 1 of 5 plain sentences flagged); then tuned on, so counted as tuning since.
  {
    text: "Ops wasn't aligned with the on-call changes Platform made in May.",
    accepted: [
      "Ops didn't know about the on-call changes Platform made in May.",
      'Ops did not know about the on-call changes Platform made in May.',
    ],
  },
  { text: 'To keep things aligned, Finance now approves every vendor contract.', accepted: null },
  {
    text: 'We aligned the retention policy to GDPR guidance last year.',
    accepted: [
      'We made the retention policy follow GDPR guidance last year.',
      'We made the retention policy comply with GDPR guidance last year.',
    ],
  },
  {
    text: 'Growth is misaligned with Infra about quota limits.',
    accepted: ['Growth disagrees with Infra about quota limits.'],
  },
  {
    text: 'Getting the three squads aligned took most of the quarter.',
    accepted: ['Getting the three squads to agree took most of the quarter.'],
  },
  {
    text: 'Do Design and Research have alignment on the persona work?',
    accepted: ['Do Design and Research agree on the persona work?'],
  },
  {
    text: "The decision was made in an alignment call we weren't invited to.",
    accepted: ["The decision was made in a call we weren't invited to."],
  },
  {
    text: 'Our priorities are aligned with the platform roadmap now.',
    accepted: ['Our priorities fit the platform roadmap now.'],
  },
  {
    text: 'Billing never got aligned on the new tax rules.',
    accepted: ['Billing never agreed on the new tax rules.', 'Billing never knew about the new tax rules.'],
  },
  {
    text: 'We are fully aligned with Legal on data residency.',
    accepted: ['We fully agree with Legal on data residency.'],
  },
  {
    text: 'Alignment across the org is still weak.',
    accepted: ['Agreement across the org is still weak.', 'Shared context across the org is still weak.'],
  },
  {
    text: 'Were the SRE and mobile teams aligned before the cutover?',
    accepted: ['Did the SRE and mobile teams agree before the cutover?'],
  },
  {
    text: "The pricing change wasn't aligned with Sales.",
    accepted: ["The pricing change wasn't agreed with Sales."],
  },
  {
    text: 'Could we align with Search on the autocomplete contract this week?',
    accepted: ['Could we agree with Search on the autocomplete contract this week?'],
  },
  {
    text: 'Aligning on the migration order would have saved a week.',
    accepted: ['Agreeing on the migration order would have saved a week.'],
  },
  {
    text: 'There was zero alignment between Checkout and Payments.',
    accepted: [
      'There was no agreement between Checkout and Payments.',
      'There was zero agreement between Checkout and Payments.',
    ],
  },

  // Tuning, fourth batch: held out until measured once after the third batch was tuned on (14 of
  // these 18 fitted, 17 flagged, 3 of 6 plain sentences flagged); then tuned on.
  {
    text: 'Support found out about the SLA change because nobody aligned with them first.',
    accepted: [
      'Support found out about the SLA change because nobody agreed with them first.',
      'Support found out about the SLA change because nobody checked with them first.',
    ],
  },
  {
    text: 'Is Legal aligned with the new consent banner?',
    accepted: ['Does Legal know about the new consent banner?', 'Does Legal agree with the new consent banner?'],
  },
  {
    text: 'Two teams shipped conflicting APIs because there was no alignment.',
    accepted: [
      'Two teams shipped conflicting APIs because there was no shared decision.',
      'Two teams shipped conflicting APIs because there was no agreement.',
    ],
  },
  {
    text: 'We assumed the platform team was aligned with our launch plan.',
    accepted: ['We assumed the platform team knew about our launch plan.'],
  },
  {
    text: 'Alignment with Finance took longer than the build.',
    accepted: ['Agreement with Finance took longer than the build.', 'Agreeing with Finance took longer than the build.'],
  },
  {
    text: 'They aligned on a date without asking us.',
    accepted: ['They agreed on a date without asking us.'],
  },
  {
    text: 'The roadmap review is where product and engineering get aligned.',
    accepted: ['The roadmap review is where product and engineering agree.'],
  },
  {
    text: 'Our team needs more alignment on priorities.',
    accepted: ['Our team needs more agreement on priorities.', 'Our team needs clearer priorities.'],
  },
  {
    text: 'Can we align the billing migration to the finance calendar?',
    accepted: ['Can we make the billing migration fit the finance calendar?'],
  },
  {
    text: 'Nobody was aligned on who owns the on-call rota.',
    accepted: ['Nobody agreed on who owns the on-call rota.', 'Nobody knew who owns the on-call rota.'],
  },
  {
    text: 'The Android and iOS teams are not aligned.',
    accepted: ['The Android and iOS teams do not agree.'],
  },
  {
    text: 'We had alignment, then the VP changed her mind.',
    accepted: ['We had an agreement, then the VP changed her mind.', 'We agreed, then the VP changed her mind.'],
  },
  {
    text: 'Expectations were misaligned between Sales and the customer.',
    accepted: ['Expectations differed between Sales and the customer.'],
  },
  {
    text: "Let's get aligned before we commit to the date.",
    accepted: ["Let's agree before we commit to the date."],
  },
  { text: 'Aligning roadmaps across the org is a full-time job now.', accepted: null },
  {
    text: 'The API contract we aligned on last week changed overnight.',
    accepted: [
      'The API contract we agreed to last week changed overnight.',
      'The API contract we agreed on last week changed overnight.',
    ],
  },
  {
    text: 'Everyone needs to be aligned on the incident severity levels.',
    accepted: [
      'Everyone needs to agree on the incident severity levels.',
      'Everyone needs to know the incident severity levels.',
      'Everyone needs to know about the incident severity levels.',
    ],
  },
  {
    text: 'Were you aligned with Data on the event names?',
    accepted: ['Did you agree with Data on the event names?'],
  },

  // Tuning, fifth batch: held out until measured once after the fourth batch was tuned on (13 of
  // these 18 fitted, all flagged, none of 6 plain sentences flagged); then tuned on.
  {
    text: 'The checkout team found out in code review that Payments had aligned on a new retry policy without them.',
    accepted: ['The checkout team found out in code review that Payments had agreed on a new retry policy without them.'],
  },
  {
    text: 'Leadership is aligned on the reorg, but nobody told the managers.',
    accepted: [
      'Leadership agrees on the reorg, but nobody told the managers.',
      'Leadership knows about the reorg, but nobody told the managers.',
    ],
  },
  {
    text: 'We need better alignment between Data and Analytics.',
    accepted: ['We need better agreement between Data and Analytics.', 'We need Data and Analytics to agree.'],
  },
  {
    text: 'It felt like the mobile squad was never aligned with what web was shipping.',
    accepted: [
      'It felt like the mobile squad never knew about what web was shipping.',
      'It felt like the mobile squad never knew what web was shipping.',
    ],
  },
  { text: 'Are Search and Ads aligned?', accepted: ['Do Search and Ads agree?'] },
  {
    text: "The migration plan isn't aligned to the Q4 freeze.",
    accepted: ["The migration plan doesn't fit the Q4 freeze."],
  },
  {
    text: "We'll align with the SRE team before changing alert thresholds.",
    accepted: [
      "We'll agree with the SRE team before changing alert thresholds.",
      "We'll check with the SRE team before changing alert thresholds.",
    ],
  },
  {
    text: 'This is a classic case of misaligned priorities.',
    accepted: ['This is a classic case of conflicting priorities.'],
  },
  {
    text: 'Getting alignment from five teams for every schema change is slowing us down.',
    accepted: ['Getting agreement from five teams for every schema change is slowing us down.'],
  },
  {
    text: "Design wasn't aligned on the empty-state copy until launch day.",
    accepted: [
      "Design didn't agree on the empty-state copy until launch day.",
      "Design didn't know about the empty-state copy until launch day.",
    ],
  },
  {
    text: "Our incentives are misaligned with the platform team's.",
    accepted: ["Our incentives conflict with the platform team's."],
  },
  {
    text: 'We spent the sprint aligning with Legal on retention.',
    accepted: ['We spent the sprint agreeing with Legal on retention.'],
  },
  {
    text: "They're aligned with our goals in principle, just not in practice.",
    accepted: ['They support our goals in principle, just not in practice.'],
  },
  {
    text: 'Nobody aligned the pricing change with Support.',
    accepted: ['Nobody agreed the pricing change with Support.', 'Nobody checked the pricing change with Support.'],
  },
  { text: 'Alignment is the biggest problem in this org.', accepted: null },
  {
    text: 'The vendor contract was aligned with Procurement last month.',
    accepted: ['The vendor contract was agreed with Procurement last month.'],
  },
  {
    text: 'How aligned are the teams on the launch checklist?',
    accepted: ['How well do the teams know the launch checklist?', 'How well do the teams know about the launch checklist?'],
  },
  {
    text: 'The partner teams are finally aligned.',
    accepted: ['The partner teams finally agree.'],
  },

  // Held-out, sixth batch: written after the fifth batch was tuned on; measured once, not tuned on.
  {
    text: 'Payments rolled out 3-D Secure everywhere before Risk and Payments were aligned on the exemptions.',
    accepted: ['Payments rolled out 3-D Secure everywhere before Risk and Payments agreed on the exemptions.'],
    heldOut: true,
  },
  { text: 'Is everyone aligned?', accepted: ['Does everyone agree?'], heldOut: true },
  {
    text: 'There has been no alignment on who pays for the shared cluster.',
    accepted: [
      'There has been no shared decision on who pays for the shared cluster.',
      'There has been no agreement on who pays for the shared cluster.',
    ],
    heldOut: true,
  },
  {
    text: 'Platform aligned its deprecation timeline to the fiscal year.',
    accepted: ['Platform made its deprecation timeline fit the fiscal year.'],
    heldOut: true,
  },
  {
    text: 'We thought we had alignment with Mobile on the release train.',
    accepted: [
      'We thought we agreed with Mobile on the release train.',
      'We thought we had an agreement with Mobile on the release train.',
    ],
    heldOut: true,
  },
  {
    text: 'Without cross-team alignment, every launch turns into a negotiation.',
    accepted: [
      'Without cross-team agreement, every launch turns into a negotiation.',
      'Without agreement between teams, every launch turns into a negotiation.',
    ],
    heldOut: true,
  },
  {
    text: 'The security review and the product plan were misaligned.',
    accepted: ['The security review and the product plan conflicted.'],
    heldOut: true,
  },
  {
    text: 'Growth keeps aligning with Sales instead of with us.',
    accepted: ['Growth keeps agreeing with Sales instead of with us.'],
    heldOut: true,
  },
  {
    text: 'Nobody is aligned with the new escalation policy yet.',
    accepted: ['Nobody follows the new escalation policy yet.', 'Nobody knows about the new escalation policy yet.'],
    heldOut: true,
  },
  {
    text: 'Our alignment sync got cancelled, so Billing shipped anyway.',
    accepted: ['Our sync got cancelled, so Billing shipped anyway.'],
    heldOut: true,
  },
  {
    text: 'Were Legal and Privacy aligned on the consent wording?',
    accepted: ['Did Legal and Privacy agree on the consent wording?'],
    heldOut: true,
  },
  {
    text: 'I want to get the on-call teams aligned on paging rules.',
    accepted: ['I want to get the on-call teams to agree on paging rules.'],
    heldOut: true,
  },
  {
    text: 'Search ranking changes are not aligned with the merchandising goals.',
    accepted: ['Search ranking changes do not serve the merchandising goals.'],
    heldOut: true,
  },
  {
    text: 'Getting buy-in and alignment took longer than building the feature.',
    accepted: ['Getting agreement took longer than building the feature.'],
    heldOut: true,
  },
  {
    text: 'The teams aligned on a shared event schema last year.',
    accepted: ['The teams agreed on a shared event schema last year.'],
    heldOut: true,
  },
  {
    text: 'We need leadership alignment on the hiring freeze.',
    accepted: ['We need leadership to agree on the hiring freeze.', "We need leadership's agreement on the hiring freeze."],
    heldOut: true,
  },
  {
    text: "The ML team's priorities are misaligned with ours.",
    accepted: ["The ML team's priorities conflict with ours."],
    heldOut: true,
  },
  {
    text: 'Can you check whether Ops is aligned before Friday?',
    accepted: ['Can you check whether Ops agrees before Friday?', 'Can you check whether Ops knows before Friday?'],
    heldOut: true,
  },
]

/** "align" in its physical or technical sense: never flagged. */
export const plainSentences: PlainSentence[] = [
  { text: 'Align the text left in the table header.' },
  { text: 'The struct must use aligned memory for SIMD loads.' },
  { text: 'The columns are misaligned on the invoice PDF.' },
  { text: 'Buffers are aligned to a 64-byte boundary.' },
  { text: 'The icons were not aligned with the labels on small screens.' },
  { text: 'The delivery van needed a wheel alignment after the pothole.' },
  { text: 'Sequence alignment jobs ran twice as long after the upgrade.' },
  { text: 'Set align-items: center so the buttons line up.' },
  { text: "The chart's axis labels are misaligned in Safari.", heldOut: true },
  { text: 'Unaligned reads crash on ARM, so pad the header until it is aligned.', heldOut: true },
  { text: 'We align the image to the grid in the email template.', heldOut: true },
  { text: 'The printer misaligns the barcode by two millimetres.', heldOut: true },
  // Second batch, tuned on (see above).
  { text: 'The modal is misaligned on iOS when the keyboard opens.' },
  { text: 'Right-align the totals in the summary table.' },
  { text: 'Make sure the tick marks align with the gridlines.' },
  { text: 'The rows in the CSV export are misaligned after the third column.' },
  // Third batch, tuned on (see above).
  { text: 'Align the logo with the left edge of the banner.' },
  { text: 'Misaligned pages come out of the scanner crooked.' },
  { text: 'The y-axis ticks are misaligned with the bars.' },
  { text: 'Ensure 16-byte aligned allocations in the parser.' },
  { text: 'The headlights were misaligned after the repair.' },
  // Fourth batch, tuned on (see above).
  { text: 'The progress bar is misaligned with the step labels.' },
  { text: 'Align the two photos side by side before printing.' },
  { text: 'Check that the shelf brackets are aligned before drilling.' },
  { text: "The satellite's solar panels aligned with the sun at noon." },
  { text: 'Misaligned teeth can be corrected with braces.' },
  { text: 'The text in the PDF footer is misaligned by a few pixels.' },
  // Fifth batch, tuned on (see above).
  { text: 'Align the pie chart legend to the right of the canvas.' },
  { text: 'Our office desks are aligned in rows of four.' },
  { text: 'If the gears are misaligned, the machine jams.' },
  { text: 'The laser level shows the frame is aligned.' },
  { text: 'We aligned the antenna towards the tower.' },
  { text: 'Misaligned stitching makes the seam pucker.' },
  // Held-out, sixth batch.
  { text: 'The tooltip arrow is misaligned with its anchor.', heldOut: true },
  { text: 'Our printer keeps misaligning the labels.', heldOut: true },
  { text: 'Align the bookshelf with the window frame.', heldOut: true },
  { text: 'Two planets aligned in the night sky last week.', heldOut: true },
  { text: 'The kitchen tiles are slightly misaligned near the sink.', heldOut: true },
  { text: 'The team photo is misaligned on the About page.', heldOut: true },
]
