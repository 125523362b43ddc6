import { describe, expect, it } from 'vitest';
import { draftArticle } from './assemble.ts';

const draftOf = (body: string, published: string | null = null, lang?: 'vi' | 'en') =>
  draftArticle({ text: `Tiêu đề bài viết\n\n${body}`, published, ...(lang ? { lang } : {}) });

describe('events', () => {
  it('reads talks dated by a daypart date and the visit around them', () => {
    const draft = draftOf('Chiều ngày 08/10/2024, trong chuyến thăm chính thức, hai Bộ trưởng đã hội đàm.');
    expect(draft.events.map((e) => [e.kind, e.start])).toEqual([
      ['visit', '2024-10-08'],
      ['talks', '2024-10-08'],
    ]);
  });

  it('gives a visit its range and the talks inside it only the month', () => {
    const draft = draftOf(
      'Trong chuyến thăm chính thức (từ 12-14/9), đoàn đã có cuộc hội đàm với Bộ Y tế.',
      '2025-09-20',
    );
    expect(draft.events.map((e) => [e.kind, e.start, e.end])).toEqual([
      ['visit', '2025-09-12', '2025-09-14'],
      ['talks', '2025-09', null],
    ]);
  });

  it('does not take tiếp tục or tiếp cận for a courtesy call, nor a proposed workshop for an event', () => {
    const draft = draftOf(
      'Hai bên tiếp tục hợp tác để tiếp cận thuốc. Hai bên có thể tổ chức hội thảo chuyên đề.',
    );
    expect(draft.events.map((e) => e.kind)).toEqual(['other']);
  });

  it('reads a place as the location, without the time or clause after it', () => {
    const en = draftOf('Minister Lan held talks with Minister Cho in Seoul on March 14, 2025.', null, 'en');
    expect(en.events.map((e) => e.location)).toEqual(['Seoul']);
    const vi = draftOf('Bộ trưởng đã hội đàm với Bộ trưởng Hàn Quốc tại Hà Nội vào ngày 14/3/2025.');
    expect(vi.events.map((e) => e.location)).toEqual(['Hà Nội']);
    const hospital = draftOf(
      'Ngày 14/3/2025, hai bên đã ký kết Bản ghi nhớ tại Bệnh viện 108 với sự chứng kiến của Bộ trưởng.',
    );
    expect(hospital.events.map((e) => e.location)).toEqual(['Bệnh viện 108']);
  });

  it('marks online signings', () => {
    expect(draftOf('Lễ ký kết được tổ chức theo hình thức trực tuyến.').events[0]).toMatchObject({
      kind: 'signing',
      mode: 'online',
    });
  });
});

describe('who meets whom', () => {
  it('reads an envoy meeting a minister as a courtesy call, in either language', () => {
    const vi = draftOf(
      'Ngày 15/7, Đại sứ Anh Gareth Ward đã có cuộc gặp với Bộ trưởng Bộ Y tế.',
      '2020-07-16',
    );
    expect(vi.events.map((e) => e.kind)).toEqual(['courtesy_call']);
    const en = draftOf(
      'On 15 July, Ambassador Gareth Ward met with the Minister of Health. The sides discussed training.',
      '2020-07-16',
      'en',
    );
    expect(en.events.map((e) => e.kind)).toEqual(['courtesy_call']);
  });

  it('keeps a meeting of two ministers as talks, even with an envoy named two sentences before', () => {
    const draft = draftOf(
      'Đại sứ Anh dự lễ khai mạc triển lãm. Tại đây có nhiều hoạt động. Ngày 15/7, hai Bộ trưởng đã có cuộc gặp tại Hà Nội.',
      '2020-07-16',
    );
    expect(draft.events.map((e) => e.kind)).toContain('talks');
    expect(draft.events.map((e) => e.kind)).not.toContain('courtesy_call');
  });
});

describe('events outside the report', () => {
  it('drops earlier dated signings, intended signings and thanks for a welcome', () => {
    const draft = draftOf(
      'Sáng 4/6, hai Bộ trưởng đã hội đàm. Hiệp định được ký kết tháng 3/2016 tại Hà Nội.\nĐoàn cảm ơn sự đón tiếp chu đáo và hai bên hướng tới ký kết Bản ghi nhớ mới.',
      '2025-06-04',
    );
    expect(draft.events.map((e) => e.kind)).toEqual(['talks']);
  });
});

describe('event dates across sentences', () => {
  it('dates a signing told with dated talks, and lets a day refine a month', () => {
    const draft = draftOf(
      'Trong chuyến thăm (từ 10-12/9), đoàn đã hội đàm với Bộ Y tế. Chiều 11/9, hai Sở hội đàm. Kết thúc buổi hội đàm, hai bên đã ký kết Thỏa thuận hợp tác.',
      '2026-09-20',
    );
    expect(draft.events.map((e) => [e.kind, e.start])).toEqual([
      ['visit', '2026-09-10'],
      ['talks', '2026-09-11'],
      ['signing', '2026-09-11'],
    ]);
  });
});

describe('events dated after their trigger, launches and receptions', () => {
  it('leaves out events a later date or a past cue places before the article', () => {
    const draft = draftOf(
      'Sáng 2/12, hai bệnh viện có buổi làm việc trực tuyến. Hai bệnh viện ký Thỏa thuận lần đầu vào tháng 10/2019. Tại lễ ký khi đó, hai bên trao quà. TS. Hoa công bố tại hội nghị tổng kết hồi tháng 3/2025.',
      '2025-12-02',
    );
    expect(draft.events.map((e) => e.kind)).toEqual(['working_session']);
  });

  it('reads a project launch as an event, and dates events by the article when nothing else does', () => {
    const launch = draftOf(
      'Tháng 11/2025, lễ khởi động dự án diễn ra tại Điện Biên. Sau đó các đại biểu dự hội thảo về chăm sóc bà mẹ.',
      '2025-11-29',
    );
    expect(launch.events.map((e) => [e.kind, e.start])).toEqual([
      ['other', '2025-11'],
      ['conference', null],
    ]);
    const undated = draftOf(
      'Trong tháng 11/2025, dự án chăm sóc bà mẹ được triển khai. Hội thảo về chăm sóc bà mẹ diễn ra tại Điện Biên.',
      '2025-11-29',
    );
    expect(undated.events.map((e) => [e.kind, e.start])).toEqual([['conference', '2025-11']]);
  });

  it('reads an English reception of a person as a courtesy call, and "in July" as a past month', () => {
    const draft = draftOf(
      'On December 9, the Deputy Prime Minister received Minister Kovács-Szabó. The programme received support from donors. The vaccines come under the agreement signed with Gavi in July.',
      '2025-12-09',
      'en',
    );
    expect(draft.events.map((e) => [e.kind, e.start])).toEqual([['courtesy_call', '2025-12-09']]);
  });
});

describe('event dates that are not when events happened', () => {
  it('skips the end of a term, dates "today" by publication, and reads a graduation as an event', () => {
    const draft = draftOf(
      'Hai bệnh viện đã ký văn bản gia hạn Bản ghi nhớ thêm 5 năm, đến tháng 3/2030.\nBệnh viện tổ chức lễ bế giảng khóa đào tạo hôm nay.',
      '2025-03-21',
    );
    expect(draft.events.map((e) => [e.kind, e.start])).toEqual([
      ['signing', null],
      ['other', '2025-03-21'],
    ]);
  });
});

describe('events set in an earlier time', () => {
  it('leaves out what a sentence dates to an earlier year or months before, but not the day reported', () => {
    const draft = draftOf(
      'Sáng 5/3, hai bên hội đàm tại Hà Nội. Năm 2022, đoàn công tác của Sở đã làm việc với Bệnh viện Trung ương. Tháng 9/2025, hai bên đã ký kết Bản ghi nhớ đầu tiên.\nNhân dịp kỷ niệm giai đoạn 2020 - 2026, Bộ trưởng tiếp Đại sứ.',
      '2026-03-05',
    );
    expect(draft.events.map((e) => e.kind)).toEqual(['talks', 'courtesy_call']);
  });

  it('reads the signing of a handover record as part of the handover, and negotiating as no meeting', () => {
    const draft = draftOf(
      'Sáng 2/4, bệnh viện tổ chức lễ bàn giao thiết bị. Hai bên ký biên bản bàn giao. Hai bên hoàn tất đàm phán dự thảo Bản ghi nhớ.',
      '2026-04-02',
    );
    expect(draft.events.map((e) => e.kind)).toEqual(['handover']);
  });
});

describe('references to an earlier event', () => {
  it('leaves the people and the date of an earlier event out of the report', () => {
    const draft = draftOf(
      'Ngày 10/9, Thứ trưởng Bộ Y tế Phạm Quang Hiệu tiếp Đại sứ Israel Yaron Mayer. Hai bên nhất trí tiếp tục triển khai các kết quả đạt được trong cuộc điện đàm giữa Thủ tướng Phạm Minh Chính và Thủ tướng Israel Naftali Bennett ngày 12/7/2021, đặc biệt là thúc đẩy hợp tác y tế.',
    );
    expect(draft.participants.map((p) => p.name)).toEqual(['Phạm Quang Hiệu', 'Yaron Mayer']);
    expect(draft.events.map((e) => [e.kind, e.start])).toEqual([['courtesy_call', null]]);
  });

  it('reads a memorandum signed during an earlier visit as mentioned, and no signing event', () => {
    const draft = draftOf(
      'Minister Lan received Ambassador Kim on March 3, 2025. They reviewed the MoU signed during the visit of Prime Minister Han to Hanoi, and discussed new projects.',
      null,
      'en',
    );
    expect(draft.agreements.map((a) => [a.kind, a.status])).toEqual([['mou', 'mentioned']]);
    expect(draft.events.map((e) => e.kind)).toEqual(['courtesy_call']);
  });

  it('reads an agreement signed between two governments as an earlier one, with no signing event', () => {
    const draft = draftOf(
      'During the talks on July 21, 2023, Minister Lan said universities of Vietnam have trained Lao students under an agreement signed between the two governments.',
      null,
      'en',
    );
    expect(draft.events.map((e) => e.kind)).toEqual(['talks']);
    expect(draft.agreements.map((a) => a.status)).toEqual(['mentioned']);
  });

  it('reads the receipt of an aid package as a handover', () => {
    const draft = draftOf(
      'Chiều 5/8/2021, Thứ trưởng thay mặt Bộ Y tế tiếp nhận gói viện trợ y tế trị giá 500.000 USD.',
    );
    expect(draft.events.map((e) => [e.kind, e.start])).toEqual([['handover', '2021-08-05']]);
  });

  it('reads a memorandum named after "sau khi ký kết" / "after signing" as an earlier one', () => {
    const vi = draftOf(
      'Ngày 5/3/2025, Bộ trưởng tiếp Đại sứ Hàn Quốc. Sau khi ký kết Bản ghi nhớ về hợp tác y tế, hai bên đã lập nhóm công tác.',
    );
    expect(vi.agreements.map((a) => [a.kind, a.status])).toEqual([['mou', 'mentioned']]);
    expect(vi.events.map((e) => e.kind)).toEqual(['courtesy_call']);
    const en = draftOf(
      'On March 5, 2025, Minister Lan received Ambassador Kim. After signing the MoU on health cooperation, the two sides set up a working group.',
      null,
      'en',
    );
    expect(en.agreements.map((a) => [a.kind, a.status])).toEqual([['mou', 'mentioned']]);
    expect(en.events.map((e) => e.kind)).toEqual(['courtesy_call']);
  });

  it('still reads a memorandum that was signed during the visit reported', () => {
    const draft = draftOf(
      'On March 3, 2025, an MoU was signed during the visit of Minister Kim to Hanoi.',
      null,
      'en',
    );
    expect(draft.agreements.map((a) => [a.kind, a.status])).toEqual([['mou', 'signed']]);
  });
});

describe('people set in history', () => {
  it('leaves out a person in a sentence set in the nineteenth century', () => {
    const draft = draftOf(
      'Ông Gildas Tréguier phát biểu tại hội thảo. Hợp tác được đặt nền móng từ năm 1821, thời điểm bác sĩ Jean-Marie Despiau đến Huế.',
      '2023-11-04',
    );
    expect(draft.participants.map((p) => p.name)).toEqual(['Gildas Tréguier']);
  });
});

describe('events outside the reported one', () => {
  it('leaves out events the sides agreed to hold later', () => {
    const draft = draftOf(
      'Ngày 3/4, hai bên hội đàm và thống nhất luân phiên tổ chức hội thảo khoa học hằng năm.',
      '2025-04-03',
    );
    expect(draft.events.map((e) => e.kind)).toEqual(['talks']);
  });

  it('leaves out a visit the speaker made before', () => {
    const draft = draftOf(
      'Ngày 3/4, hai bên hội đàm. Ông từng thăm Bệnh viện Bạch Long năm 2018.',
      '2025-04-03',
    );
    expect(draft.events.map((e) => e.kind)).toEqual(['talks']);
  });
});

describe('agreements', () => {
  it('reads a signed MoU and an old agreement being recalled', () => {
    const draft = draftOf(
      'Hai bên đã ký kết Bản ghi nhớ hợp tác về y tế. Hai bên nhìn lại 20 năm kể từ khi ký Hiệp định hợp tác năm 2004.',
      '2024-05-01',
    );
    expect(draft.agreements.map((a) => `${a.kind}:${a.status}`)).toEqual([
      'mou:signed',
      'agreement:mentioned',
    ]);
  });

  it('does not read common nouns as documents', () => {
    const draft = draftOf(
      'Hai bên xây dựng nội dung, chương trình, kế hoạch hợp tác sắp tới và đã đạt được những thỏa thuận.',
    );
    expect(draft.agreements).toEqual([]);
  });

  it('keeps two periods of one kind apart and reads dated old signings', () => {
    const draft = draftOf(
      'Hai sở rà soát Biên bản ghi nhớ giai đoạn 2019-2021. Sau đó hai sở ký Biên bản ghi nhớ giai đoạn 2025-2027.\nHiệp định về y tế dự phòng được ký kết tháng 3/2015 tại Viêng Chăn.',
      '2025-06-01',
    );
    expect(draft.agreements.map((a) => `${a.kind}:${a.status}`)).toEqual([
      'mou:mentioned',
      'mou:signed',
      'agreement:mentioned',
    ]);
  });

  it('reads intended signings and upgrades as proposals', () => {
    const draft = draftOf(
      'Hai viện soạn Bản ghi nhớ về dược liệu, hướng tới ký kết vào quý sau.\nThey agreed to work towards signing a cooperation plan on nursing.',
    );
    expect(draft.agreements.map((a) => `${a.kind}:${a.status}`)).toEqual(['mou:proposed', 'plan:proposed']);
  });

  it('reads a document named as the basis of the work as one in force', () => {
    const draft = draftOf(
      'Trên cơ sở Bản ghi nhớ giữa hai tỉnh, hai sở đã ký kết Thỏa thuận hợp tác giai đoạn 2026-2030.\nThe two ministers signed a work plan to implement the Protocol on health cooperation.',
      '2026-02-10',
    );
    expect(draft.agreements.map((a) => `${a.kind}:${a.status}`)).toEqual([
      'mou:mentioned',
      'agreement:signed',
      'plan:signed',
      'protocol:mentioned',
    ]);
  });

  it('reads a signing dated far from the verb, or months before, as a recalled one', () => {
    const draft = draftOf(
      'Hai bên rà soát Bản ghi nhớ hợp tác giữa Sở Y tế tỉnh Lâm Hà và Sở Y tế tỉnh Kép ký năm 2018.\nHai bộ bàn việc triển khai Nghị định thư về y tế ký tháng 2/2026 tại Hà Nội.',
      '2026-09-20',
    );
    expect(draft.agreements.map((a) => `${a.kind}:${a.status}`)).toEqual([
      'mou:mentioned',
      'protocol:mentioned',
    ]);
  });

  it('keeps an MoU dated years before apart from the MoU signed today, and a document dated by the next one whole', () => {
    const draft = draftOf(
      'Hai bên điểm lại kết quả thực hiện Bản ghi nhớ về y tế ký năm 2019. Sáng nay, hai Bộ trưởng đã ký kết Bản ghi nhớ về y tế dự phòng.\nKế hoạch hành động sẽ cụ thể hóa Bản ghi nhớ ký năm 2019 giữa hai Bộ.',
      '2026-05-10',
    );
    expect(draft.agreements.map((a) => `${a.kind}:${a.status}`)).toEqual([
      'mou:mentioned',
      'mou:signed',
      'plan:mentioned',
    ]);
  });

  it('reads a draft as proposed, a qualified basis as in force, and national or numbered plans as no agreement', () => {
    const draft = draftOf(
      'Hai bên giao đầu mối xây dựng dự thảo Bản ghi nhớ giai đoạn 2026-2030 để ký vào tháng tới.\nViệt Nam đang triển khai Kế hoạch hành động quốc gia về kháng thuốc và Kế hoạch số 245/KH-UBND của tỉnh.',
      '2026-05-10',
    );
    expect(draft.agreements.map((a) => `${a.kind}:${a.status}`)).toEqual(['mou:proposed']);
    const english = draftOf(
      'The vaccines are supplied under the co-financing agreement signed between the ministry and Gavi.',
      '2026-05-10',
      'en',
    );
    expect(english.agreements.map((a) => `${a.kind}:${a.status}`)).toEqual(['agreement:mentioned']);
  });

  it('reads a wish to sign soon and a document being built as proposals, and a sentence-initial document signed years ago', () => {
    const draft = draftOf(
      'Hai bên đã ký kết Thỏa thuận dự án giai đoạn 2 tại hội thảo. Thỏa thuận dự án giai đoạn 1, ký tháng 3/2021, đã kết thúc.\nBà mong muốn hai trường sớm ký kết Bản ghi nhớ hợp tác. Hai bên giao các khoa xây dựng Lộ trình chuyển giao kỹ thuật, dự kiến trình lãnh đạo hai bên xem xét để ký.',
      '2024-12-02',
    );
    expect(draft.agreements.map((a) => `${a.kind}:${a.status}`)).toEqual([
      'agreement:signed',
      'agreement:mentioned',
      'mou:proposed',
      'roadmap:proposed',
    ]);
  });

  it('reads a signing told in a sentence set years ago as history, and preparing to sign as a proposal', () => {
    const draft = draftOf(
      'Năm 2016, nhân chuyến thăm của Bộ trưởng khi đó, hai Bộ đã ký Bản ghi nhớ hợp tác trong lĩnh vực y tế.\nHai Sở chuẩn bị nội dung để ký Kế hoạch hợp tác giai đoạn 2026-2030.\nHai bên đã ký Tuyên bố ý định chung về đào tạo điều dưỡng.',
      '2026-01-14',
    );
    expect(draft.agreements.map((a) => `${a.kind}:${a.status}`)).toEqual([
      'mou:mentioned',
      'plan:proposed',
      'letter_of_intent:signed',
    ]);
  });

  it('keeps an expired document apart from the new one being negotiated', () => {
    const draft = draftOf(
      'Bản ghi nhớ hợp tác y tế giữa hai Bộ ký năm 2012 đã hết hiệu lực. Hai bên đề nghị sớm đàm phán Bản ghi nhớ hợp tác y tế mới.',
      '2025-11-03',
    );
    expect(draft.agreements.map((a) => `${a.kind}:${a.status}`)).toEqual(['mou:mentioned', 'mou:proposed']);
  });

  it('tells two documents of a kind apart by a period written further on', () => {
    const draft = draftOf(
      'Sau 5 năm thực hiện Thỏa thuận hợp tác y tế ba tỉnh giai đoạn 2021-2025, hai bên đánh giá tốt. Hai bên đề xuất ký Thỏa thuận hợp tác y tế ba tỉnh giai đoạn 2026-2030.',
      '2025-11-20',
    );
    expect(draft.agreements.map((a) => `${a.kind}:${a.status}`)).toEqual([
      'agreement:mentioned',
      'agreement:proposed',
    ]);
  });

  it('does not read a unit named after a document word, or a handover record, as agreements', () => {
    const draft = draftOf(
      'Đại diện Vụ Kế hoạch - Tài chính báo cáo tại hội nghị. Hai bên ký biên bản bàn giao thiết bị.',
      '2026-03-01',
    );
    expect(draft.agreements).toEqual([]);
  });

  it('reads an Ý định thư without reading Italy', () => {
    const draft = draftOf('Hai bên đã ký Ý định thư về hợp tác y tế.');
    expect(draft.agreements.map((a) => a.kind)).toEqual(['letter_of_intent']);
    expect(draft.partners).toEqual([]);
  });
});

describe('commitments in real news', () => {
  const texts = (draft: ReturnType<typeof draftOf>) => draft.commitments.map((c) => c.text);

  it('reads English wishes, willingness, suggestions and modal proposals', () => {
    const draft = draftOf(
      'Vietnam wants to partner with the RoK in training for medical certification. Park said the acceptance of each other’s certificates should be considered. He said the RoK is willing to share information on health insurance. The two sides could also collaborate in producing medicine, the Korean minister suggested.',
      null,
      'en',
    );
    expect(texts(draft)).toHaveLength(4);
  });

  it('reads talks under way as a commitment, but not a topic the sides were discussing', () => {
    const draft = draftOf(
      'Both ministers joined experts in discussing prevention strategies between the two countries. The ministries are discussing with the Polish side the acquisition of 3 million doses.',
      null,
      'en',
    );
    expect(texts(draft)).toEqual([
      'The ministries are discussing with the Polish side the acquisition of 3 million doses',
    ]);
  });

  it('does not cut a promise at an organisation whose name starts with a verb', () => {
    const draft = draftOf(
      'Thủ tướng mong muốn thúc đẩy hơn nữa hợp tác giữa Việt Nam và Tổ chức Y tế thế giới để phục vụ tốt hơn mục tiêu chăm sóc sức khỏe người dân.',
    );
    expect(texts(draft)).toEqual([
      'Thủ tướng mong muốn thúc đẩy hơn nữa hợp tác giữa Việt Nam và Tổ chức Y tế thế giới để phục vụ tốt hơn mục tiêu chăm sóc sức khỏe người dân',
    ]);
  });

  it('keeps the lead once when the body restates it with more around it', () => {
    const draft = draftOf(
      'Thủ tướng mong muốn thúc đẩy hơn nữa hợp tác giữa Việt Nam và WHO để phục vụ tốt hơn mục tiêu chăm sóc sức khỏe người dân.\n\nThủ tướng nhấn mạnh những thành tựu về y tế và mong muốn thúc đẩy hơn nữa hợp tác giữa Việt Nam và WHO để phục vụ tốt hơn mục tiêu chăm sóc sức khỏe người dân và đạt các mục tiêu phát triển.',
    );
    expect(texts(draft)).toHaveLength(1);
  });

  it('keeps two short verbs of one promise together and drops a leading purpose', () => {
    const draft = draftOf(
      'To enhance cooperation in training, control of infectious diseases, hospitals of Vietnam are ready to receive and provide medical treatment for Lao people.',
      null,
      'en',
    );
    expect(texts(draft)).toEqual([
      'Hospitals of Vietnam are ready to receive and provide medical treatment for Lao people',
    ]);
  });

  it('splits the items an agreement singles out with đặc biệt là', () => {
    const draft = draftOf(
      'Hai bên nhất trí tiếp tục triển khai các kết quả hợp tác đã đạt được, đặc biệt là đẩy nhanh đàm phán hiệp định thương mại tự do giữa hai nước.',
    );
    expect(texts(draft)).toEqual([
      'Hai bên nhất trí tiếp tục triển khai các kết quả hợp tác đã đạt được',
      'Đẩy nhanh đàm phán hiệp định thương mại tự do giữa hai nước',
    ]);
  });

  it('reads what a cooperation programme provides for as a commitment without a cue', () => {
    const draft = draftOf(
      'Theo Chương trình Hợp tác tài khóa mới này, Bộ Y tế và WHO cùng phối hợp tăng cường các chức năng chính của hệ thống y tế.',
    );
    expect(texts(draft)).toEqual([
      'Bộ Y tế và WHO cùng phối hợp tăng cường các chức năng chính của hệ thống y tế',
    ]);
  });
});

describe('areas and commitments', () => {
  it('finds taxonomy areas with tone variants', () => {
    const draft = draftOf(
      'Hai bên hợp tác về y học cổ truyền, an toàn thực phẩm và chăm sóc người cao tuổi.',
    );
    expect(draft.areas.map((a) => a.id).sort()).toEqual([
      'elderly_care',
      'food_safety',
      'traditional_medicine',
    ]);
  });

  it('reads medical supplies, donations, treatment and non-communicable diseases in the words reports use', () => {
    const vi = draftOf('Đại sứ trao tặng vật tư y tế. Hai bên tăng cường quản lý các bệnh không lây nhiễm.');
    expect(vi.areas.map((a) => a.id).sort()).toEqual(['health_financing_aid', 'medical_equipment', 'ncd']);
    const en = draftOf(
      'The Polish Government donated medical supplies. Hospitals will provide medical treatment for Lao people.',
      null,
      'en',
    );
    expect(en.areas.map((a) => a.id).sort()).toEqual([
      'clinical_services',
      'health_financing_aid',
      'medical_equipment',
    ]);
  });

  it('matches English keywords in either number and long acronyms in any case', () => {
    const en = draftOf('The two sides could collaborate in producing medicine against Covid-19.', null, 'en');
    expect(en.areas.map((a) => a.id).sort()).toEqual(['communicable_disease', 'pharmaceuticals']);
  });

  it('reads hepatitis and mother-to-child transmission as their areas', () => {
    const draft = draftOf('Hai bên hợp tác phòng, chống viêm gan vi rút và lây truyền từ mẹ sang con.');
    expect(draft.areas.map((a) => a.id).sort()).toEqual(['communicable_disease', 'maternal_child_health']);
  });

  it('reads equipment, training courses and tourism in the words reports use', () => {
    const vi = draftOf('Hai bên bàn giao 05 máy xét nghiệm và tổ chức tập huấn vận hành cho kỹ thuật viên.');
    expect(vi.areas.map((a) => a.id).sort()).toEqual(['medical_equipment', 'training']);
    const en = draftOf('The two ministers discussed health tourism and vaccine refrigerators.', null, 'en');
    expect(en.areas.map((a) => a.id).sort()).toEqual(['medical_equipment', 'medical_tourism', 'vaccines']);
  });

  it('reads English areas in prose, not in a title-cased body name', () => {
    const draft = draftOf(
      'The delegation met the Department of Health, Disability and Ageing. Both sides will cooperate on mental health and HIV.',
      null,
      'en',
    );
    expect(draft.areas.map((a) => a.id).sort()).toEqual(['communicable_disease', 'mental_health']);
  });

  it('reads area keywords of resistance and software, not those inside a department name', () => {
    const draft = draftOf(
      'Cục Quản lý Y, Dược cổ truyền chủ trì hội thảo về kháng kháng sinh và phần mềm báo cáo ca bệnh.',
    );
    expect(draft.areas.map((a) => a.id).sort()).toEqual(['communicable_disease', 'digital_health']);
  });

  it('splits an enumeration into one commitment per element', () => {
    const draft = draftOf(
      'Bộ trưởng đề nghị hai bên tiếp tục triển khai các nội dung hợp tác theo Kế hoạch hành động, bao gồm: mở rộng hợp tác nghiên cứu phát triển thuốc mới giữa hai nước; đầu tư sản xuất vaccine tại thị trường trong nước; đào tạo nhân lực y tế chất lượng cao cho các bệnh viện.',
    );
    expect(draft.commitments.map((c) => c.text)).toEqual([
      'Tiếp tục triển khai các nội dung hợp tác theo Kế hoạch hành động',
      'Mở rộng hợp tác nghiên cứu phát triển thuốc mới giữa hai nước',
      'Đầu tư sản xuất vaccine tại thị trường trong nước',
      'Đào tạo nhân lực y tế chất lượng cao cho các bệnh viện',
    ]);
  });

  it('reads a list laid out under a line that closes with a colon, without its markers', () => {
    const draft = draftOf(
      'Sau khi trao đổi, hai bên thống nhất:\n- Giao Cục Quản lý Dược hoàn thiện dự thảo quy chế phối hợp trong năm tới;\n(ii) phối hợp tổ chức diễn đàn doanh nghiệp dược tại Đà Nẵng;\nb) xây dựng danh sách bệnh viện tiếp nhận người bệnh từ nước bạn.',
    );
    expect(draft.commitments.map((c) => c.text)).toEqual([
      'Giao Cục Quản lý Dược hoàn thiện dự thảo quy chế phối hợp trong năm tới',
      'Phối hợp tổ chức diễn đàn doanh nghiệp dược tại Đà Nẵng',
      'Xây dựng danh sách bệnh viện tiếp nhận người bệnh từ nước bạn',
    ]);
    const english = draftOf(
      'The two sides will:\n1. share experience in community mental health services;\n2. promote the exchange of experts between the two ministries.',
      null,
      'en',
    );
    expect(english.commitments.map((c) => c.text)).toEqual([
      'Share experience in community mental health services',
      'Promote the exchange of experts between the two ministries',
    ]);
  });

  it('skips what a sentence set in an earlier time agreed', () => {
    const draft = draftOf(
      'Năm 2023, hai bên đã thống nhất hợp tác đào tạo điều dưỡng. Sáng 4/3, hai bên thống nhất sẽ trao đổi chuyên gia về kiểm soát nhiễm khuẩn.',
      '2026-03-04',
    );
    expect(draft.commitments.map((c) => c.text)).toEqual([
      'Sáng 4/3, hai bên thống nhất sẽ trao đổi chuyên gia về kiểm soát nhiễm khuẩn',
    ]);
  });

  it('skips speech inside straight quotes as it does inside curly ones', () => {
    const draft = draftOf(
      'Hai bên thống nhất sẽ trao đổi chuyên gia về kiểm soát nhiễm khuẩn trong năm tới. "Kháng thuốc không có biên giới. Chúng ta sẽ cùng nhau bảo vệ người dân hai nước", bà nói.',
    );
    expect(draft.commitments.map((c) => c.text)).toEqual([
      'Hai bên thống nhất sẽ trao đổi chuyên gia về kiểm soát nhiễm khuẩn trong năm tới',
    ]);
  });

  it('reads the components of a project and numbered list lines as commitments', () => {
    const draft = draftOf(
      'Dự án gồm ba hợp phần: đào tạo 600 nữ hộ sinh thôn bản cho các tỉnh miền núi; trang bị thiết bị sơ sinh thiết yếu cho 45 trạm y tế xã.\nKết thúc hội nghị, ba bên thống nhất như sau:\n1. Chia sẻ thông tin dịch bệnh hằng tháng giữa các xã giáp biên;\n2. Phối hợp phun hóa chất diệt muỗi trước mùa mưa.',
    );
    expect(draft.commitments.map((c) => c.text)).toEqual([
      'Đào tạo 600 nữ hộ sinh thôn bản cho các tỉnh miền núi',
      'Trang bị thiết bị sơ sinh thiết yếu cho 45 trạm y tế xã',
      'Chia sẻ thông tin dịch bệnh hằng tháng giữa các xã giáp biên',
      'Phối hợp phun hóa chất diệt muỗi trước mùa mưa',
    ]);
  });

  it('splits an English list of infinitives after "agreed to"', () => {
    const draft = draftOf(
      'The two sides agreed to set up a joint tumour board that meets every month, to host two radiation oncologists for a fellowship, and to prepare a joint research proposal by June.',
      null,
      'en',
    );
    expect(draft.commitments.map((c) => c.text)).toEqual([
      'The two sides agreed to set up a joint tumour board that meets every month',
      'Host two radiation oncologists for a fellowship',
      'Prepare a joint research proposal by June',
    ]);
  });

  it("reads a document's list laid out line by line as commitments, with no cue word", () => {
    const draft = draftOf(
      'Kế hoạch hợp tác giai đoạn 2025-2027 cụ thể hóa các nội dung như sau:\n– Mỗi năm phía bạn cử 2 đoàn chuyên gia sang hỗ trợ chuyển giao kỹ thuật;\n– Bệnh viện cử 12 bác sĩ sang đào tạo từ 3 đến 6 tháng.\nKết quả khám bệnh như sau:\n– 120 ca mổ;\n– 300 lượt khám.',
    );
    expect(draft.commitments.map((c) => c.text)).toEqual([
      'Mỗi năm phía bạn cử 2 đoàn chuyên gia sang hỗ trợ chuyển giao kỹ thuật',
      'Bệnh viện cử 12 bác sĩ sang đào tạo từ 3 đến 6 tháng',
    ]);
  });

  it('follows a numbered list whose lines end with full stops', () => {
    const draft = draftOf(
      'Kết thúc buổi hội đàm, hai bên thống nhất ký biên bản với 3 nội dung:\n1. Duy trì giao ban định kỳ 6 tháng một lần giữa hai Sở.\n2. Phối hợp giám sát dịch bệnh tại cặp cửa khẩu quốc tế.\n3. Sở Y tế tổ chức 2 lớp đào tạo ngắn hạn cho cán bộ tỉnh bạn.\nĐoàn cũng thăm bệnh viện tỉnh.',
    );
    expect(draft.commitments.map((c) => c.text)).toEqual([
      'Duy trì giao ban định kỳ 6 tháng một lần giữa hai Sở',
      'Phối hợp giám sát dịch bệnh tại cặp cửa khẩu quốc tế',
      'Sở Y tế tổ chức 2 lớp đào tạo ngắn hạn cho cán bộ tỉnh bạn',
    ]);
  });

  it('does not read a passive "continues to be recalled" as an agreed action', () => {
    const draft = draftOf('Thông điệp đó tiếp tục được các đại biểu nhắc lại tại hội thảo lần này.');
    expect(draft.commitments).toEqual([]);
  });

  it('keeps a list of bare fields as one commitment and skips opinions', () => {
    const draft = draftOf(
      'Hai bên thống nhất ưu tiên hợp tác trong các lĩnh vực: y học cổ truyền; y tế cơ sở; ứng phó khẩn cấp.\nĐại sứ tin tưởng hai nước sẽ học hỏi được nhiều kinh nghiệm.',
    );
    expect(draft.commitments).toHaveLength(1);
  });

  it('splits a cue-less list of agreed contents and skips a bare lead-in', () => {
    const draft = draftOf(
      'Sáng nay, hai viện đã ký thỏa thuận với các nội dung chính: trao đổi nghiên cứu viên giữa hai viện; tổ chức khóa tập huấn về an toàn sinh học hằng năm.\nHai bên thống nhất thực hiện các hoạt động hợp tác bao gồm: cử cán bộ sang học tập tại Osaka; xây dựng phòng xét nghiệm chung ở Cần Thơ.',
    );
    expect(draft.commitments.map((c) => c.text)).toEqual([
      'Trao đổi nghiên cứu viên giữa hai viện',
      'Tổ chức khóa tập huấn về an toàn sinh học hằng năm',
      'Cử cán bộ sang học tập tại Osaka',
      'Xây dựng phòng xét nghiệm chung ở Cần Thơ',
    ]);
  });

  it('reads directives and English agreements as commitments, not requirements as nouns', () => {
    const vi = draftOf(
      'Thứ trưởng yêu cầu Cục Quản lý Dược hoàn thiện hồ sơ trong tháng tới.\nSản phẩm đáp ứng yêu cầu chất lượng của hai nước.',
    );
    expect(vi.commitments.map((c) => c.text)).toEqual([
      'Thứ trưởng yêu cầu Cục Quản lý Dược hoàn thiện hồ sơ trong tháng tới',
    ]);
    const en = draftOf('Both sides agreed that the clinic opens a second ward next spring.', null, 'en');
    expect(en.commitments).toHaveLength(1);
  });

  it('skips cues inside purpose clauses and far after a belief', () => {
    const draft = draftOf(
      'Đây là nền tảng quan trọng để hai viện có thể mở rộng hợp tác về xét nghiệm.\nGiám đốc tin tưởng rằng nhờ sự quan tâm của các cấp và nỗ lực chung, hai bệnh viện sẽ đạt nhiều kết quả.',
    );
    expect(draft.commitments).toEqual([]);
  });

  it('splits joined promises, drops praise and the speaker', () => {
    const draft = draftOf(
      'Ông Lâm cho biết quỹ sẽ cấp 200 máy thở cho các tỉnh phía Bắc và hỗ trợ tập huấn 50 kỹ thuật viên gây mê.\nBà Thu đánh giá cao kết quả hợp tác những năm qua, đồng thời đề nghị hai bên mở rộng hợp tác về dinh dưỡng học đường.',
    );
    expect(draft.commitments.map((c) => c.text)).toEqual([
      'Quỹ sẽ cấp 200 máy thở cho các tỉnh phía Bắc',
      'Hỗ trợ tập huấn 50 kỹ thuật viên gây mê',
      'Đề nghị hai bên mở rộng hợp tác về dinh dưỡng học đường',
    ]);
  });

  it('reads English lists, reported would and aims to', () => {
    const draft = draftOf(
      'The programme includes: building two rehabilitation centres in the delta; supplying 40 ambulances to district hospitals; and funding nurse exchanges with Osaka.\nThe minister said the foundation would also fund a survey of rural clinics next year.\nThe hospital aims to open its new cancer wing by 2028.',
      null,
      'en',
    );
    expect(draft.commitments.map((c) => c.text)).toEqual([
      'Building two rehabilitation centres in the delta',
      'Supplying 40 ambulances to district hospitals',
      'Funding nurse exchanges with Osaka',
      'The foundation would also fund a survey of rural clinics next year',
      'The hospital aims to open its new cancer wing by 2028',
    ]);
  });

  it('reads English requests, invitations and offers, and limits an opinion to its own sentence', () => {
    const draft = draftOf(
      'The minister said Italy considers Vietnam a key partner. He said the agency would send a working group to Hanoi next year.\nThe minister asked the Italian side to consider sending experts on rare diseases.\nThe hospital was ready to receive four Vietnamese surgeons each year for training.',
      null,
      'en',
    );
    expect(draft.commitments.map((c) => c.text)).toEqual([
      'The agency would send a working group to Hanoi next year',
      'The minister asked the Italian side to consider sending experts on rare diseases',
      'The hospital was ready to receive four Vietnamese surgeons each year for training',
    ]);
  });

  it('points every span at the words it came from', () => {
    const draft = draftOf(
      'Ngày 5/3/2024, Bộ trưởng Y tế Nguyễn Văn An tiếp Đại sứ Nhật Bản. Hai bên sẽ hợp tác về vaccine.',
    );
    const items = [
      ...draft.partners,
      ...draft.participants,
      ...draft.areas,
      ...draft.commitments,
      ...draft.events,
    ];
    for (const item of items) {
      for (const span of item.spans) expect(span.end).toBeLessThanOrEqual(draft.text.length);
    }
    const person = draft.participants[0];
    expect(person && draft.text.slice(person.spans[0]?.start, person.spans[0]?.end)).toBe('Nguyễn Văn An');
  });
});

describe('review regressions', () => {
  it("keeps a signing in the document's own clause, a purpose and a finished preparation as signed", () => {
    const draft = draftOf(
      'Theo Bản ghi nhớ vừa được ký kết, hai bên sẽ trao đổi chuyên gia.\nĐoàn sang Hà Nội để ký Thỏa thuận hợp tác.\nHai viện đã hoàn thiện và ký kết Kế hoạch hành động.\nHai bên đã ký Lộ trình hợp tác giai đoạn 2024-2026.',
      '2025-05-12',
    );
    expect(draft.agreements.map((a) => `${a.kind}:${a.status}`)).toEqual([
      'mou:signed',
      'agreement:signed',
      'plan:signed',
      'roadmap:signed',
    ]);
  });

  it("does not take guests, an invitation received, a frequency or an agency's support for commitments, dates or meetings", () => {
    const draft = draftOf(
      'Sáng 5/3, hai bên hội đàm. Các khách mời đã tham quan bệnh viện. Theo lời mời của Tổ chức Y tế Thế giới, đoàn đã có chuyến thăm Geneva.\nHai bên sẽ tổ chức hội chẩn trực tuyến mỗi tháng 1 lần.',
      '2025-05-14',
    );
    expect(draft.commitments.map((c) => c.text)).toEqual([
      'Hai bên sẽ tổ chức hội chẩn trực tuyến mỗi tháng 1 lần',
    ]);
    expect(draft.partners.map((p) => p.code)).toEqual(['WHO']);
    const english = draftOf(
      'On 5 May, the province received USAID support worth US$2 million.',
      '2025-05-06',
      'en',
    );
    expect(english.events.map((e) => e.kind)).not.toContain('courtesy_call');
  });

  it('reads a line that closes with a colon but lists nothing as an ordinary line', () => {
    const draft = draftOf(
      'Bộ trưởng cho biết:\nHai bên sẽ tăng cường hợp tác đào tạo nhân lực y tế chất lượng cao.',
    );
    expect(draft.commitments.map((c) => c.text)).toEqual([
      'Hai bên sẽ tăng cường hợp tác đào tạo nhân lực y tế chất lượng cao',
    ]);
  });
});

describe('real news: receptions, framings, forecasts and topics', () => {
  const texts = (draft: ReturnType<typeof draftOf>) => draft.commitments.map((c) => c.text);

  it('reads the welcomed visit of a reception as the reception, not a visit of its own', () => {
    const draft = draftOf(
      'Chiều ngày 28/8/2024, Bộ trưởng Đào Hồng Lan đã có buổi tiếp Đại sứ Nga. Tại buổi tiếp, Bộ trưởng chào mừng Đại sứ đã đến thăm và làm việc với Bộ Y tế.',
    );
    expect(draft.events.map((e) => e.kind)).toEqual(['courtesy_call']);
  });

  it('keeps a visit nobody welcomes beside the reception', () => {
    const draft = draftOf(
      'Chiều ngày 28/8/2024, Bộ trưởng đã tiếp Đại sứ Nga. Đoàn đã thăm và làm việc tại Bệnh viện Bạch Mai.',
    );
    expect(draft.events.map((e) => e.kind).sort()).toEqual(['courtesy_call', 'visit']);
  });

  it('does not take "Nhận lời mời của …" opening a sentence for an accepted invitation', () => {
    const draft = draftOf(
      'Nhận lời mời của Thủ tướng Ấn Độ Narendra Modi, Thủ tướng Phạm Minh Chính thăm cấp nhà nước Ấn Độ từ ngày 30-7 đến ngày 1-8. Bộ trưởng Y tế Ấn Độ đã nhận lời mời sang thăm Việt Nam trong năm tới.',
    );
    expect(texts(draft)).toEqual(['Bộ trưởng Y tế Ấn Độ đã nhận lời mời sang thăm Việt Nam trong năm tới']);
  });

  it('keeps those included ("trong đó có …") in the promise they belong to', () => {
    const draft = draftOf(
      'Chính phủ Thái Lan sẽ tiếp tục tiêm chủng mở rộng cho người nước ngoài, trong đó có hàng ngàn người Việt Nam sinh sống tại Thái Lan.',
    );
    expect(texts(draft)).toHaveLength(1);
    expect(texts(draft)[0]).toContain('trong đó có hàng ngàn người Việt Nam');
  });

  it('does not take a forecast of beneficiaries, a requirement noun or discussion topics for promises', () => {
    const vi = draftOf(
      'Dự kiến khoảng 9,2 triệu người sẽ được hưởng lợi trực tiếp từ dự án. Phó Thủ tướng đánh giá sự kiện này đặt ra yêu cầu cấp thiết về tăng cường hợp tác quốc tế.',
    );
    expect(texts(vi)).toEqual([]);
    const en = draftOf(
      'The sides discussed issues of medical personnel training. The ministry will send two experts to Minsk.',
      null,
      'en',
    );
    expect(texts(en)).toEqual(['The ministry will send two experts to Minsk']);
  });
});

describe('real news: names after long titles, places and greetings', () => {
  const names = (draft: ReturnType<typeof draftOf>) => draft.participants.map((p) => p.name);

  it('reads a title whose organisation holds an "and" up to the name after it', () => {
    const en = draftOf(
      'Vietnamese Minister of Health Nguyen Thi Kim Tien and Korean Minister of Health and Welfare Park Neung-hoo held talks.',
      null,
      'en',
    );
    expect(en.participants.map((p) => [p.name, p.title])).toEqual([
      ['Nguyen Thi Kim Tien', 'Minister of Health'],
      ['Park Neung-hoo', 'Minister of Health and Welfare'],
    ]);
    const vi = draftOf(
      'Tham dự buổi lễ có Bộ trưởng Bộ Y tế Nguyễn Thanh Long, Bộ trưởng Y tế và Dịch vụ Nhân sinh Hoa Kỳ Xavier Becerra.',
    );
    expect(names(vi)).toEqual(['Nguyễn Thanh Long', 'Xavier Becerra']);
  });

  it('does not lend a title across a name joined by "và"', () => {
    const draft = draftOf(
      'Đại sứ khẳng định mối quan hệ do Chủ tịch Hồ Chí Minh và Lãnh tụ Fidel Castro dày công vun đắp.',
    );
    expect(names(draft)).not.toContain('Fidel Castro');
  });

  it('does not take an English place or hospital name for a Vietnamese person', () => {
    const draft = draftOf(
      'The supplies, presented by Ambassador Wojciech Gerwel, arrived at Ho Chi Minh City’s Tan Son Nhat International Airport. Surgery is performed in Thái Nguyên Iron and Steel Hospital.',
      null,
      'en',
    );
    expect(names(draft)).toEqual(['Wojciech Gerwel']);
  });

  it('does not take the sender of a greeting for a participant, only the one greeted', () => {
    const draft = draftOf(
      'Chiều 5/8/2024, Bộ trưởng Bộ Y tế Đào Hồng Lan tiếp ngài Sugi Ryotaro. Bộ trưởng chuyển lời chào và hỏi thăm của Thủ tướng Chính phủ Phạm Minh Chính đến ngài Sugi Ryotaro.',
    );
    expect(names(draft)).toEqual(['Đào Hồng Lan', 'Sugi Ryotaro']);
  });
});

describe('real news: one reception, awards', () => {
  const kinds = (draft: ReturnType<typeof draftOf>) => draft.events.map((e) => e.kind);

  it('reads "tiếp và làm việc" with an ambassador and a later "cuộc gặp" as one courtesy call', () => {
    const draft = draftOf(
      'Ngày 8/7/2016, Bộ trưởng Nguyễn Thị Kim Tiến đã có buổi tiếp và làm việc với bà Camilla Mellander, Đại sứ Thụy Điển tại Việt Nam. Bộ trưởng cảm ơn Đại sứ. Tại cuộc gặp, hai bên trao đổi về nhi khoa.',
    );
    expect(kinds(draft)).toEqual(['courtesy_call']);
  });

  it('reads the reception of a delegation that works with the host as one working session', () => {
    const draft = draftOf(
      'Ngày 23/9/2022, Thứ trưởng Đỗ Xuân Tuyên tiếp đoàn Bộ Thương mại Hoa Kỳ. Thứ trưởng đã có cuộc làm việc cùng Thứ trưởng Thương mại Hoa Kỳ Arun Venkataraman.',
    );
    expect(kinds(draft)).toEqual(['working_session']);
  });

  it('keeps the meetings of a visit apart', () => {
    const draft = draftOf(
      'Trong chuyến thăm chính thức, Bộ trưởng đã tiếp Đại sứ Ba Lan và làm việc với Cục Quản lý Dược.',
    );
    expect(kinds(draft).sort()).toEqual(['courtesy_call', 'visit', 'working_session']);
  });

  it('reads an award named before the handover word as an award, not a handover', () => {
    expect(
      kinds(draftOf('Chiều 20/6/2024, Huân chương Hữu nghị được Chủ tịch nước trao tặng cho Đại sứ Úc.')),
    ).toEqual(['other']);
    expect(
      kinds(draftOf('Ngày 20/6/2024, Bằng khen là phần thưởng cao quý nhất mà Hội trao tặng cho tổ chức.')),
    ).toEqual(['other']);
    expect(
      kinds(draftOf('Chiều 20/6/2024, Đại sứ Nhật Bản đã trao tặng 20 máy thở cho Bệnh viện Bạch Mai.')),
    ).toEqual(['handover']);
  });

  it('reads a medal presented as an award (other), not a handover of goods', () => {
    const draft = draftOf(
      'Chiều 20/6/2024, Bộ trưởng đã trao tặng Kỷ niệm chương “Vì sức khỏe nhân dân” cho Đại sứ Úc.',
    );
    expect(kinds(draft)).toEqual(['other']);
    expect(
      kinds(draftOf('Chiều 20/6/2024, Đại sứ Nhật Bản đã trao tặng 20 máy thở cho Bệnh viện Bạch Mai.')),
    ).toEqual(['handover']);
  });
});
