// Issue 12, holdout-8 error categories: each test is a synthetic sentence that fails without its rule.
import { describe, expect, it } from 'vitest';
import { draftArticle } from './assemble.ts';

const draftOf = (body: string, published: string | null = null, lang?: 'vi' | 'en') =>
  draftArticle({ text: `Tiêu đề bài viết\n\n${body}`, published, ...(lang ? { lang } : {}) });

describe('grant contracts and English signing verbs', () => {
  it('reads a grant contract signed as a signed agreement', () => {
    const vi = draftOf('Sáng 5/3, Sở Y tế tỉnh đã ký kết hợp đồng viện trợ không hoàn lại với tổ chức JICA.');
    expect(vi.agreements.map((a) => [a.kind, a.status])).toEqual([['agreement', 'signed']]);
    const en = draftOf('The embassy signed a grant contract with the provincial hospital.', null, 'en');
    expect(en.agreements.map((a) => [a.kind, a.status])).toEqual([['agreement', 'signed']]);
  });

  it('reads "entered into" and "renewed" a memorandum as signing it', () => {
    const entered = draftOf(
      'The Embassy of Norway has entered into a memorandum of understanding with the Ministry of Health.',
      null,
      'en',
    );
    expect(entered.agreements.map((a) => [a.kind, a.status])).toEqual([['mou', 'signed']]);
    expect(entered.events.map((e) => e.kind)).toEqual(['signing']);
    const renewed = draftOf(
      'The two hospitals renewed their memorandum of understanding in Hanoi.',
      null,
      'en',
    );
    expect(renewed.agreements.map((a) => [a.kind, a.status])).toEqual([['mou', 'signed']]);
  });
});

describe('event kinds of handovers and medical missions', () => {
  it('reads a symbolic handover as a handover', () => {
    const vi = draftOf(
      'Thay mặt Chính phủ Nhật Bản, ông Tanaka đã trao tượng trưng lô máy thở cho bệnh viện.',
    );
    expect(vi.events.map((e) => e.kind)).toEqual(['handover']);
  });

  it('reads free surgery and free check-ups as an event of kind other, and "a sign of" as no signing', () => {
    const vi = draftOf('Đoàn bác sĩ Đức đã phẫu thuật miễn phí cho 40 trẻ em tại bệnh viện tỉnh.');
    expect(vi.events.map((e) => e.kind)).toEqual(['other']);
    const en = draftOf(
      'Doctors from Osaka gave free medical examinations to 300 residents. The visit is a sign of friendship.',
      null,
      'en',
    );
    expect(en.events.map((e) => e.kind)).not.toContain('signing');
    expect(en.events.map((e) => e.kind)).toContain('other');
  });
});

describe('event dates from other sentences', () => {
  it('does not date the events by a date that is promised or still to come', () => {
    const draft = draftOf(
      'Tổ chức Hope cho biết công trình sẽ được khởi công vào tháng 5/2026. Ông Lee đã bàn giao máy siêu âm cho bệnh viện.',
    );
    expect(draft.events.map((e) => [e.kind, e.start])).toEqual([['handover', null]]);
    const pledged = draftOf(
      'Đây là thiết bị được viện trợ theo cam kết của Chính phủ Đức vào tháng 10-2019. Ông Weber đã trao tượng trưng số thiết bị cho bệnh viện.',
    );
    expect(pledged.events.map((e) => [e.kind, e.start])).toEqual([['handover', null]]);
  });
});

describe('areas named by words that are no cooperation', () => {
  it('does not tag pharmaceuticals for medicines given at a free check-up, nor for a doctor', () => {
    const vi = draftOf(
      'Đoàn Thầy thuốc trẻ Hàn Quốc đã khám bệnh, cấp thuốc miễn phí cho 500 người dân và chịu chi phí thuốc men.',
    );
    expect(vi.areas.map((a) => a.id)).not.toContain('pharmaceuticals');
    const en = draftOf(
      'The volunteer team gave free check-ups, consultations and medicine to 300 villagers.',
      null,
      'en',
    );
    expect(en.areas.map((a) => a.id)).not.toContain('pharmaceuticals');
    const trade = draftOf('Hai bên sẽ hợp tác sản xuất thuốc và chuyển giao công nghệ dược.');
    expect(trade.areas.map((a) => a.id)).toContain('pharmaceuticals');
  });
});

describe('areas in the scope of an agreement', () => {
  it('tags the fields an MoU lists: hospital management, human resource development, ODA', () => {
    const vi = draftOf(
      'Hai bệnh viện ký Bản ghi nhớ hợp tác trong các lĩnh vực quản lý bệnh viện và nghiên cứu.',
    );
    expect(vi.areas.map((a) => a.id)).toContain('health_policy_systems');
    const en = draftOf(
      'The MoU covers human resource development, health economics and official development assistance.',
      null,
      'en',
    );
    expect(en.areas.map((a) => a.id)).toEqual(
      expect.arrayContaining(['training', 'health_policy_systems', 'health_financing_aid']),
    );
  });
});

describe('descriptive sentences that are no commitments', () => {
  it("does not take an agreement's term or a pledge named as a source for a commitment", () => {
    const en = draftOf(
      'The two institutes signed a memorandum of understanding. The memorandum will last until 2030 and may be renewed.',
      null,
      'en',
    );
    expect(en.commitments).toEqual([]);
    const vi = draftOf(
      'Hai bên đã ký Bản ghi nhớ. Bản ghi nhớ sẽ có hiệu lực trong 5 năm. Số máy thở được trao theo cam kết của Chính phủ Úc.',
    );
    expect(vi.commitments).toEqual([]);
  });
});

describe('the signing of a document in force is an earlier event', () => {
  it('does not read the signing told after a basis cue as a signing event', () => {
    const vi = draftOf(
      'Trên cơ sở Hiệp định hợp tác y tế giữa hai nước ký năm 2005, hai bệnh viện đã tổ chức buổi làm việc.',
    );
    expect(vi.events.map((e) => e.kind)).toEqual(['working_session']);
    const en = draftOf(
      'To implement the memorandum of understanding signed by the two ministries, the delegation held a working session with the hospital.',
      null,
      'en',
    );
    expect(en.events.map((e) => e.kind)).toEqual(['working_session']);
    const now = draftOf('Theo Bản ghi nhớ vừa được ký kết, hai bên sẽ trao đổi chuyên gia.');
    expect(now.events.map((e) => e.kind)).toEqual(['signing']);
  });
});

describe('entering into force is no signing', () => {
  it('keeps an agreement that entered into force as mentioned', () => {
    const en = draftOf('The health cooperation agreement entered into force in March.', null, 'en');
    expect(en.agreements.map((a) => a.status)).toEqual(['mentioned']);
  });
});

describe('envoy and legislature titles mark participants', () => {
  it('reads a chargé d’affaires named in Vietnamese after a quotation', () => {
    const draft = draftOf(
      '“Chúng tôi luôn sát cánh cùng các bạn”, Đại biện lâm thời Robert Lindqvist phát biểu tại buổi lễ trao tặng.',
    );
    expect(draft.participants.map((p) => p.name)).toEqual(['Robert Lindqvist']);
  });

  it('reads the Speaker of an assembly, the assembly staying out of the name', () => {
    const draft = draftOf(
      'A parliamentary delegation from the Republic of Korea visited the provincial hospital.\nSpeaker of the Korean National Assembly Kim Soo-hyun sent a message to the staff.',
      null,
      'en',
    );
    expect(draft.participants.map((p) => p.name)).toEqual(['Kim Soo-hyun']);
  });
});

describe('the content list of a named project', () => {
  it('reads each element after a project’s colon as a commitment, inline or line by line', () => {
    const inline = draftOf(
      'Tổ chức tài trợ 3 dự án thuộc các lĩnh vực: lắp đặt hệ thống lọc nước cho trạm y tế xã An Phú; xây dựng nhà chờ cho bệnh nhân tại bệnh viện huyện.',
    );
    expect(inline.commitments.map((c) => c.text)).toEqual([
      'Lắp đặt hệ thống lọc nước cho trạm y tế xã An Phú',
      'Xây dựng nhà chờ cho bệnh nhân tại bệnh viện huyện',
    ]);
    const lines = draftOf(
      'Giai đoạn mới của Dự án tập trung vào ba nhóm hoạt động:\n- Biên soạn tài liệu hướng dẫn chăm sóc người cao tuổi tại nhà;\n- Tập huấn cho 200 cộng tác viên dân số ở các xã vùng cao;\n- Cấp bộ dụng cụ đo huyết áp cho các trạm y tế xã.',
    );
    expect(lines.commitments).toHaveLength(3);
  });
});

describe('the lead that reports a meeting', () => {
  it('takes no commitment from the lead naming the meeting, but keeps the promises after it', () => {
    const draft = draftOf(
      'Sáng thứ Tư (12/3), tại Hà Nội, Thứ trưởng Bộ Y tế Nguyễn Văn An đã chủ trì buổi làm việc với đoàn chuyên gia Phần Lan nhằm triển khai các nội dung hợp tác đã được thống nhất tại kỳ họp trước.\nHai bên thống nhất sẽ tổ chức khóa tập huấn về y tế dự phòng cho cán bộ tuyến tỉnh trong năm tới.',
    );
    expect(draft.commitments.map((c) => c.text)).toEqual([
      'Hai bên thống nhất sẽ tổ chức khóa tập huấn về y tế dự phòng cho cán bộ tuyến tỉnh trong năm tới',
    ]);
  });
});

describe('a generic meeting word beside a meeting named by its own word', () => {
  it('names that meeting again, not a meeting of another kind', () => {
    const talks = draftOf(
      'Ngày 4/6, hai Bộ trưởng đã hội đàm tại Hà Nội. Sau cuộc gặp gỡ, Đại sứ Lào bày tỏ vui mừng.',
    );
    expect(talks.events.map((e) => e.kind)).toEqual(['talks']);
    const session = draftOf(
      'We spent the morning in a working session with the provincial hospital. Officials met with the delegation on the hospital grounds.',
      null,
      'en',
    );
    expect(session.events.map((e) => e.kind)).toEqual(['working_session']);
  });

  it('still names a meeting held on the sidelines of a conference', () => {
    const side = draftOf(
      'Ngày 9/5, hội nghị khu vực khai mạc tại Manila. Bên lề hội nghị, hai Bộ trưởng đã có cuộc gặp song phương.',
    );
    expect(side.events.map((e) => e.kind).sort()).toEqual(['conference', 'talks']);
  });

  it('still names a meeting beside a signing, which happens at it', () => {
    const signed = draftOf('Tại cuộc gặp, Đại sứ Anh và Thứ trưởng đã ký kết biên bản hợp tác.');
    expect(signed.events.map((e) => e.kind).sort()).toEqual(['courtesy_call', 'signing']);
  });
});
