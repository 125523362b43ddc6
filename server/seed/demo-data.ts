import { eq, inArray, sql } from 'drizzle-orm';
import { addDays, addMonths, todayInVietNam } from '../../common/domain/calendar.ts';
import type { Transaction } from '../db/client.ts';
import type { Actor } from '../db/records.ts';
import { renderPdf } from '../documents/render-pdf.ts';
import { agreements } from '../modules/agreements/agreements.table.ts';
import { commitments, progressUpdates } from '../modules/commitments/commitments.table.ts';
import { partners } from '../modules/partners/partners.table.ts';
import { policies } from '../modules/policies/policies.table.ts';
import type { Services } from '../services.ts';

// The facts of two real cooperation events, entered as records so a fresh install has something
// to show: the Vietnam–Belarus health MoU (08/10/2024) and the Vietnam–Russia ministers' talks
// during the official visit of 12–14/9/2025. Descriptions are our own words, not article text.

const system: Actor = { userId: null, email: 'demo-seed' };

export async function isDatabaseEmpty(services: Services): Promise<boolean> {
  const [row] = await services.db.select({ n: sql<number>`count(*)::int` }).from(partners);
  return Number(row?.n ?? 0) === 0;
}

/** A stand-in for the Belarus MoU's signed text (our own words, marked as a demo copy), attached
 * as a public file so the portal's agreement page has something to download. */
function renderDemoSignedText(): Promise<Buffer> {
  return renderPdf({
    language: 'vi',
    title: 'Bản ghi nhớ hợp tác trong lĩnh vực y tế giữa Bộ Y tế Việt Nam và Bộ Y tế Cộng hòa Belarus',
    preamble: ['Bản sao minh họa của dữ liệu mẫu — không phải văn bản gốc'],
    blocks: [
      {
        kind: 'paragraph',
        text: 'Hai Bên thống nhất hợp tác trong nghiên cứu khoa học, trao đổi chuyên gia, đào tạo nhân lực y tế, trang thiết bị y tế và dược phẩm.',
      },
      { kind: 'paragraph', text: 'Ký ngày 08 tháng 10 năm 2024, bằng tiếng Việt, tiếng Nga và tiếng Anh.' },
    ],
    footer: 'hoptac — dữ liệu mẫu',
  });
}

export async function seedDemoData(services: Services): Promise<void> {
  const signedText = await renderDemoSignedText();
  await services.db.transaction(async (tx) => {
    const s = services;
    const partner = (code: string) => s.partners.ensureByCode(tx, code, system);
    const vn = await partner('VN');
    const by = await partner('BY');
    const ru = await partner('RU');
    // The shipped resolutions (reference data, added before the demo): cooperation implements them.
    const policyIds = async (...numbers: string[]) =>
      (await tx.select({ id: policies.id }).from(policies).where(inArray(policies.number, numbers))).map(
        (row) => row.id,
      );
    const resolution72 = await policyIds('72-NQ/TW');
    const resolutions57And72 = await policyIds('57-NQ/TW', '72-NQ/TW');

    const org = (
      nameVi: string,
      nameEn: string,
      kind: 'ministry' | 'embassy' | 'department',
      countryCode: string,
    ) => s.organisations.create({ nameVi, nameEn, kind, countryCode }, system, tx);
    const mohVn = await org('Bộ Y tế', 'Ministry of Health of Viet Nam', 'ministry', 'VN');
    const icd = await s.organisations.create(
      {
        nameVi: 'Vụ Hợp tác quốc tế',
        nameEn: 'Department of International Cooperation',
        kind: 'department',
        countryCode: 'VN',
        parentId: mohVn.id,
      },
      system,
      tx,
    );
    const mohBy = await org(
      'Bộ Y tế Cộng hòa Belarus',
      'Ministry of Health of the Republic of Belarus',
      'ministry',
      'BY',
    );
    const embassyBy = await org(
      'Đại sứ quán Cộng hòa Belarus tại Việt Nam',
      'Embassy of Belarus in Viet Nam',
      'embassy',
      'BY',
    );
    const mohRu = await org(
      'Bộ Y tế Liên bang Nga',
      'Ministry of Health of the Russian Federation',
      'ministry',
      'RU',
    );

    const person = (
      name: string,
      countryCode: string,
      title: string,
      organisationId: string,
      honorific: string | null = null,
    ) =>
      s.people.create({ name, countryCode, honorific, positions: [{ title, organisationId }] }, system, tx);
    const thuc = await person('Nguyễn Tri Thức', 'VN', 'Thứ trưởng Bộ Y tế', mohVn.id);
    const staravoitau = await person(
      'Aliaksandr Staravoitau',
      'BY',
      'Thứ trưởng Bộ Y tế Cộng hòa Belarus',
      mohBy.id,
      'ngài',
    );
    const baravikou = await person(
      'Uladzimir Baravikou',
      'BY',
      'Đại sứ Đặc mệnh toàn quyền Cộng hòa Belarus tại Việt Nam',
      embassyBy.id,
      'ngài',
    );
    const lan = await person('Đào Hồng Lan', 'VN', 'Bộ trưởng Bộ Y tế', mohVn.id);
    const murashko = await person('Mikhail Murashko', 'RU', 'Bộ trưởng Y tế Liên bang Nga', mohRu.id);

    const belarusNews = await s.sources.create(
      {
        text: 'Bộ Y tế Việt Nam và Bộ Y tế Cộng hòa Belarus ký Bản ghi nhớ hợp tác trong lĩnh vực y tế theo hình thức trực tuyến, với ba điểm cầu. Hai bên thống nhất hợp tác về nghiên cứu khoa học, trao đổi chuyên gia, đào tạo nhân lực, trang thiết bị y tế và dược phẩm; các đơn vị chuyên môn sẽ xây dựng kế hoạch hợp tác cụ thể. (Tóm tắt của hoptac.)',
        format: 'text',
        title: 'Tăng cường hợp tác y tế giữa Việt Nam và Cộng hòa Belarus',
        outlet: 'Cổng thông tin điện tử Bộ Y tế',
        url: 'https://moh.gov.vn/',
        publishedAt: '2024-10-08T17:06:00+07:00',
        language: 'vi',
      },
      system,
      tx,
    );
    const russiaNews = await s.sources.create(
      {
        text: 'Trong chuyến thăm chính thức Việt Nam của đoàn Bộ Y tế Liên bang Nga (12–14/9/2025), Bộ trưởng hai nước hội đàm về các lĩnh vực ưu tiên: du lịch y tế, y học cổ truyền, y tế số, vắc xin, dược phẩm và các nội dung của Lộ trình hợp tác đến năm 2030. (Tóm tắt của hoptac.)',
        format: 'text',
        title: 'Tăng cường hợp tác y tế giữa Việt Nam và Liên bang Nga',
        outlet: 'Báo Nhân Dân',
        url: 'https://nhandan.vn/tang-cuong-hop-tac-y-te-giua-viet-nam-va-lien-bang-nga-post907879.html',
        publishedAt: '2025-09-13T09:00:00+07:00',
        language: 'vi',
      },
      system,
      tx,
    );

    const belarusAreas: string[] = [
      'research',
      'expert_exchange',
      'training',
      'medical_equipment',
      'pharmaceuticals',
    ];
    const mou = await s.agreements.create(
      {
        kind: 'mou',
        titleVi: 'Bản ghi nhớ hợp tác giữa Bộ Y tế Việt Nam và Bộ Y tế Cộng hòa Belarus trong lĩnh vực y tế',
        titleEn:
          'Memorandum of Understanding on health cooperation between the Ministries of Health of Viet Nam and Belarus',
        status: 'signed',
        signedOn: '2024-10-08',
        legalBasis: 'international_agreement',
        summary:
          'Frame for research, expert exchange, training, medical equipment and pharmaceuticals; follow-up handed to specialised units.',
        partyIds: [vn.id, by.id],
        areaIds: belarusAreas,
        sourceIds: [belarusNews.id],
        policyIds: resolutions57And72,
        isPublished: true,
      },
      system,
      tx,
    );
    await s.documents.attach(
      tx,
      {
        bytes: signedText,
        fileName: 'Bản ghi nhớ Việt Nam – Belarus (bản ký).pdf',
        recordType: 'agreement',
        recordId: mou.id,
        kind: 'signed_text',
        isPublic: true,
      },
      null,
    );
    const signing = await s.events.create(
      {
        kind: 'signing',
        title: 'Lễ ký Bản ghi nhớ hợp tác y tế Việt Nam – Belarus',
        startOn: '2024-10-08',
        mode: 'online',
        connectionPoints: [
          'Bộ Y tế Việt Nam',
          'Đại sứ quán Cộng hòa Belarus tại Việt Nam',
          'Bộ Y tế Cộng hòa Belarus',
        ],
        partnerIds: [by.id],
        areaIds: belarusAreas,
        agreementIds: [mou.id],
        sourceIds: [belarusNews.id],
        participants: [
          { personId: thuc.id, role: 'signatory', title: 'Thứ trưởng Bộ Y tế', organisationId: mohVn.id },
          {
            personId: staravoitau.id,
            role: 'signatory',
            title: 'Thứ trưởng Bộ Y tế Cộng hòa Belarus',
            organisationId: mohBy.id,
          },
          {
            personId: baravikou.id,
            role: 'attendee',
            title: 'Đại sứ Đặc mệnh toàn quyền Cộng hòa Belarus tại Việt Nam',
            organisationId: embassyBy.id,
          },
        ],
        isPublished: true,
      },
      system,
      tx,
    );
    // The same ambassador under his Russian spelling, as another article wrote it: the duplicates
    // page suggests merging him with Uladzimir Baravikou.
    const borovikov = await person(
      'Vladimir Borovikov',
      'BY',
      'Đại sứ Cộng hòa Belarus tại Việt Nam',
      embassyBy.id,
      'ngài',
    );
    await s.events.create(
      {
        kind: 'courtesy_call',
        title: 'Bộ trưởng Bộ Y tế tiếp Đại sứ Belarus Vladimir Borovikov',
        startOn: '2025-05-20',
        location: 'Hà Nội',
        participants: [
          { personId: lan.id, role: 'chair', title: 'Bộ trưởng Bộ Y tế', organisationId: mohVn.id },
          {
            personId: borovikov.id,
            role: 'attendee',
            title: 'Đại sứ Cộng hòa Belarus tại Việt Nam',
            organisationId: embassyBy.id,
          },
        ],
      },
      system,
      tx,
    );
    for (const text of [
      'Triển khai các chương trình hợp tác toàn diện: nghiên cứu khoa học, trao đổi chuyên gia, đào tạo nhân lực, trang thiết bị y tế, dược phẩm',
      'Các đơn vị chuyên môn hai bên xây dựng nội dung, chương trình và kế hoạch hợp tác tiếp theo',
    ]) {
      await s.commitments.create(
        {
          text,
          agreementId: mou.id,
          eventId: signing.id,
          sourceId: belarusNews.id,
          areaIds: belarusAreas,
          vnOwnerIds: [icd.id],
          status: 'agreed',
        },
        system,
        tx,
      );
    }

    const russiaAreas: string[] = [
      'medical_tourism',
      'traditional_medicine',
      'digital_health',
      'vaccines',
      'pharmaceuticals',
      'elderly_care',
      'communicable_disease',
      'ncd',
      'food_safety',
      'nuclear_medicine',
    ];
    const jointStatement = await s.agreements.create(
      {
        kind: 'joint_statement',
        titleVi: 'Tuyên bố chung Việt Nam – Liên bang Nga (tháng 5/2025)',
        status: 'signed',
        summary: 'Adopted in May 2025 (day not recorded).',
        partyIds: [vn.id, ru.id],
        sourceIds: [russiaNews.id],
        isPublished: true,
      },
      system,
      tx,
    );
    const russiaMou = await s.agreements.create(
      {
        kind: 'mou',
        titleVi: 'Bản ghi nhớ về hợp tác y tế Việt Nam – Liên bang Nga',
        status: 'signed',
        partyIds: [vn.id, ru.id],
        sourceIds: [russiaNews.id],
        isPublished: true,
      },
      system,
      tx,
    );
    const roadmap = await s.agreements.create(
      {
        kind: 'roadmap',
        titleVi: 'Lộ trình hợp tác y tế Việt Nam – Liên bang Nga đến năm 2030',
        titleEn: 'Viet Nam – Russia health cooperation roadmap to 2030',
        status: 'signed',
        validTo: '2030-12-31',
        partyIds: [vn.id, ru.id],
        areaIds: russiaAreas,
        sourceIds: [russiaNews.id],
        policyIds: resolution72,
        isPublished: true,
      },
      system,
      tx,
    );
    await s.events.create(
      {
        kind: 'visit',
        title: 'Đoàn Bộ Y tế Liên bang Nga thăm chính thức Việt Nam',
        startOn: '2025-09-12',
        endOn: '2025-09-14',
        location: 'Việt Nam',
        partnerIds: [ru.id],
        areaIds: russiaAreas,
        sourceIds: [russiaNews.id],
        participants: [
          {
            personId: murashko.id,
            role: 'attendee',
            title: 'Bộ trưởng Y tế Liên bang Nga',
            organisationId: mohRu.id,
          },
        ],
        isPublished: true,
      },
      system,
      tx,
    );
    const talks = await s.events.create(
      {
        kind: 'talks',
        title: 'Hội đàm Bộ trưởng Y tế Việt Nam – Liên bang Nga',
        summary: 'Held during the official visit of 12–14/9/2025; the exact day is not recorded.',
        partnerIds: [ru.id],
        areaIds: russiaAreas,
        agreementIds: [],
        sourceIds: [russiaNews.id],
        participants: [
          { personId: lan.id, role: 'chair', title: 'Bộ trưởng Bộ Y tế', organisationId: mohVn.id },
          {
            personId: murashko.id,
            role: 'chair',
            title: 'Bộ trưởng Y tế Liên bang Nga',
            organisationId: mohRu.id,
          },
        ],
        isPublished: true,
      },
      system,
      tx,
    );
    const roadmapItems: [string, string[]][] = [
      ['Chuyển giao công nghệ sản xuất vắc xin mRNA', ['vaccines', 'biotechnology']],
      [
        'Thuốc, vắc xin, sinh phẩm của hai nước tiếp cận thị trường của nhau',
        ['pharmaceuticals', 'vaccines'],
      ],
      ['Nội địa hóa sản xuất thuốc của Nga tại Việt Nam', ['pharmaceuticals']],
      ['Nghiên cứu thuốc dược liệu và thuốc sinh học', ['pharmaceuticals', 'research']],
      ['Chăm sóc người cao tuổi, ứng phó già hóa dân số', ['elderly_care']],
      ['Phòng, chống dịch bệnh', ['communicable_disease']],
      ['Phòng, chống bệnh không lây nhiễm', ['ncd']],
      ['An toàn thực phẩm và thực phẩm y học', ['food_safety']],
      ['Ứng dụng y học hạt nhân trong điều trị', ['nuclear_medicine']],
    ];
    for (const [text, areaIds] of roadmapItems) {
      await s.commitments.create(
        {
          text,
          agreementId: roadmap.id,
          eventId: talks.id,
          sourceId: russiaNews.id,
          areaIds,
          vnOwnerIds: [icd.id],
          horizonYear: 2030,
          status: 'agreed',
        },
        system,
        tx,
      );
    }
    for (const [text, areaIds] of [
      [
        'Hội thảo chuyên đề về y học cổ truyền; nghiên cứu lập trung tâm y học cổ truyền Việt – Nga',
        ['traditional_medicine'],
      ],
      ['Phát triển mô hình du lịch kết hợp chữa bệnh', ['medical_tourism']],
      ['Hợp tác y tế số, khám chữa bệnh từ xa, ứng dụng AI', ['digital_health']],
    ] as [string, string[]][]) {
      await s.commitments.create(
        {
          text,
          eventId: talks.id,
          sourceId: russiaNews.id,
          areaIds,
          vnOwnerIds: [icd.id],
          status: 'proposed',
        },
        system,
        tx,
      );
    }
    void jointStatement;
    void russiaMou;
    await seedTrackingDemo(s, tx, { vnId: vn.id, ministryId: mohVn.id, desk: icd.id });

    // The two news items are published as reviewed, linked to their partner and areas, so the
    // portal's related news and partner pages have something to show.
    for (const [news, partnerId, areaIds] of [
      [belarusNews, by.id, belarusAreas],
      [russiaNews, ru.id, russiaAreas],
    ] as const) {
      await s.sources.update(
        news.id,
        {
          version: news.version,
          isPublished: true,
          reviewStatus: 'accepted',
          partnerIds: [partnerId],
          areaIds: [...areaIds],
        },
        system,
        tx,
      );
    }
  });
  // Reminders for whoever is already there (the first administrator), so the bell has something.
  await services.reminders.run();
}

/**
 * Agreements and commitments for the tracking views, dated from today so that every view shows
 * something whenever hoptac is started: an MoU in its renewal window, a dormant agreement, one
 * terminated ten days ago (its notice clock running), a signing whose report to the Prime Minister
 * is overdue, overdue and silent commitments with owner units and progress notes.
 */
async function seedTrackingDemo(
  s: Services,
  tx: Transaction,
  refs: { vnId: string; ministryId: string; desk: string },
): Promise<void> {
  const today = todayInVietNam();
  const partner = (code: string) => s.partners.ensureByCode(tx, code, system);
  const [jp, kr, cu] = [await partner('JP'), await partner('KR'), await partner('CU')];
  const unit = (nameVi: string, nameEn: string, kind: 'hospital' | 'institute') =>
    s.organisations.create(
      { nameVi, nameEn, kind, countryCode: 'VN', parentId: refs.ministryId },
      system,
      tx,
    );
  const bachMai = await unit('Bệnh viện Bạch Mai', 'Bach Mai Hospital', 'hospital');
  const nihe = await unit(
    'Viện Vệ sinh dịch tễ Trung ương',
    'National Institute of Hygiene and Epidemiology',
    'institute',
  );

  const agreement = (input: Parameters<Services['agreements']['create']>[0]) =>
    s.agreements.create(input, system, tx);
  const japan = await agreement({
    kind: 'mou',
    titleVi: 'Bản ghi nhớ hợp tác đào tạo nhân lực y tế Việt Nam – Nhật Bản',
    titleEn: 'Viet Nam – Japan memorandum on training health workers',
    status: 'in_force',
    signedOn: addMonths(today, -57),
    validFrom: addMonths(today, -57),
    validTo: addDays(today, 75),
    terminationNoticeDays: 60,
    legalBasis: 'international_agreement',
    decisionNumber: '2154/QĐ-BYT',
    signingUnitId: refs.desk,
    partyIds: [refs.vnId, jp.id],
    areaIds: ['training', 'expert_exchange'],
  });
  const korea = await agreement({
    kind: 'agreement',
    titleVi: 'Thỏa thuận hợp tác về trang thiết bị y tế Việt Nam – Hàn Quốc',
    titleEn: 'Viet Nam – Korea arrangement on medical equipment',
    status: 'in_force',
    signedOn: addMonths(today, -40),
    validFrom: addMonths(today, -40),
    validTo: addMonths(today, 20),
    renewalPeriodMonths: 36,
    terminationNoticeDays: 90,
    legalBasis: 'international_agreement',
    decisionNumber: '887/QĐ-BYT',
    signingUnitId: bachMai.id,
    partyIds: [refs.vnId, kr.id],
    areaIds: ['medical_equipment'],
  });
  const cuba = await agreement({
    kind: 'plan',
    titleVi: 'Chương trình hợp tác phòng, chống sốt xuất huyết Việt Nam – Cuba',
    titleEn: 'Viet Nam – Cuba programme against dengue',
    status: 'in_force',
    signedOn: addMonths(today, -30),
    validFrom: addMonths(today, -30),
    validTo: addMonths(today, 30),
    legalBasis: 'international_agreement',
    signingUnitId: nihe.id,
    partyIds: [refs.vnId, cu.id],
    areaIds: ['communicable_disease'],
  });
  await s.agreements.update(
    cuba.id,
    {
      version: cuba.version,
      status: 'terminated',
      statusChangedOn: addDays(today, -10),
      statusNote: 'Hai bên thống nhất kết thúc sớm; các hoạt động chuyển sang chương trình của WHO.',
    },
    system,
    tx,
  );
  // Signed three weeks ago, not yet reported to the Prime Minister: its 15-day clock is overdue.
  await agreement({
    kind: 'letter_of_intent',
    titleVi: 'Thư ý định hợp tác y tế số Việt Nam – Nhật Bản',
    titleEn: 'Viet Nam – Japan letter of intent on digital health',
    status: 'signed',
    signedOn: addDays(today, -21),
    legalBasis: 'international_agreement',
    signingUnitId: refs.desk,
    partyIds: [refs.vnId, jp.id],
    areaIds: ['digital_health'],
  });

  const commitment = (input: Parameters<Services['commitments']['create']>[0]) =>
    s.commitments.create(input, system, tx);
  const late = await commitment({
    text: 'Cử 20 điều dưỡng sang Nhật Bản thực tập',
    agreementId: japan.id,
    areaIds: ['training'],
    vnOwnerIds: [bachMai.id],
    dueOn: addDays(today, -45),
    status: 'in_progress',
  });
  const done = await commitment({
    text: 'Tổ chức hội thảo chuyên gia điều dưỡng Việt – Nhật',
    agreementId: japan.id,
    areaIds: ['expert_exchange'],
    vnOwnerIds: [refs.desk],
    dueOn: addMonths(today, -6),
    status: 'done',
  });
  const soon = await commitment({
    text: 'Gửi danh sách học viên khóa đào tạo tiếp theo',
    agreementId: japan.id,
    areaIds: ['training'],
    vnOwnerIds: [bachMai.id],
    dueOn: addDays(today, 5),
    status: 'agreed',
  });
  const silent = await commitment({
    text: 'Lắp đặt và chuyển giao hệ thống chụp cộng hưởng từ',
    agreementId: korea.id,
    areaIds: ['medical_equipment'],
    vnOwnerIds: [bachMai.id],
    dueOn: addMonths(today, 8),
    status: 'in_progress',
  });
  const dengue = await commitment({
    text: 'Thử nghiệm thực địa bẫy muỗi tại ba tỉnh phía Nam',
    agreementId: cuba.id,
    areaIds: ['communicable_disease'],
    vnOwnerIds: [nihe.id],
    dueOn: addDays(today, -20),
    status: 'stalled',
  });
  await tx.insert(progressUpdates).values([
    {
      commitmentId: late.id,
      on: addMonths(today, -3),
      note: 'Đã chọn 20 điều dưỡng; chờ thị thực.',
      status: 'in_progress',
    },
    {
      commitmentId: done.id,
      on: addMonths(today, -6),
      note: 'Hội thảo đã tổ chức tại Hà Nội, 120 đại biểu.',
      status: 'done',
    },
    {
      commitmentId: dengue.id,
      on: addMonths(today, -2),
      note: 'Tạm dừng do chương trình chấm dứt.',
      status: 'stalled',
    },
  ]);
  void soon;
  // A later article, not yet reviewed, reporting the Korean MRI system handed over: its review
  // proposes the commitment's completion (progress from later articles).
  await s.sources.create(
    {
      text: `Bệnh viện Bạch Mai tiếp nhận hệ thống chụp cộng hưởng từ do Hàn Quốc tài trợ\nNgày ${today.split('-').reverse().join('/')}, tại Hà Nội, Bệnh viện Bạch Mai và đại diện Hàn Quốc tổ chức lễ bàn giao thiết bị. Hai bên đã hoàn thành việc lắp đặt và chuyển giao hệ thống chụp cộng hưởng từ cho Bệnh viện Bạch Mai. (Bài viết mẫu của hoptac.)`,
      format: 'text',
      title: 'Bệnh viện Bạch Mai tiếp nhận hệ thống chụp cộng hưởng từ do Hàn Quốc tài trợ',
      outlet: 'hoptac (bài mẫu)',
      publishedAt: `${today}T09:00:00+07:00`,
      language: 'vi',
    },
    system,
    tx,
  );
  // Entered long ago: their own creation is no recent sign of life, so the radars see the dormant
  // agreement and the silent commitment as they would be.
  const longAgo = new Date(`${addMonths(today, -40)}T03:00:00Z`);
  await tx.update(agreements).set({ createdAt: longAgo }).where(eq(agreements.id, korea.id));
  await tx
    .update(commitments)
    .set({ createdAt: new Date(`${addMonths(today, -9)}T03:00:00Z`) })
    .where(inArray(commitments.id, [silent.id]));
}
