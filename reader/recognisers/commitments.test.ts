import { describe, expect, it } from 'vitest';
import { draftArticle } from '../assemble.ts';

const textsOf = (body: string, lang?: 'vi' | 'en') =>
  draftArticle({
    text: `Tiêu đề bài viết\n\n${body}`,
    published: null,
    ...(lang ? { lang } : {}),
  }).commitments.map((c) => c.text);

describe('commitments: programme outcomes', () => {
  it('reads what a project will help do as its scope', () => {
    expect(textsOf('Dự án sẽ giúp nâng cao năng lực xét nghiệm của các bệnh viện tuyến tỉnh.')).toHaveLength(
      1,
    );
    expect(
      textsOf('The programme will help strengthen laboratory capacity at provincial hospitals.', 'en'),
    ).toHaveLength(1);
  });

  it('still drops an outcome that no programme carries', () => {
    expect(textsOf('Việc giao lưu văn hóa sẽ giúp người dân hai nước hiểu nhau hơn.')).toEqual([]);
  });
});

describe('commitments: Vietnamese hopes', () => {
  it('reads a stated hope that cooperation will go on as a commitment', () => {
    expect(
      textsOf(
        'Bộ trưởng bày tỏ hy vọng hợp tác y tế giữa hai nước sẽ tiếp tục phát triển trong những năm tới.',
      ),
    ).toHaveLength(1);
  });

  it('keeps an English hope about an outcome out', () => {
    expect(
      textsOf(
        'They hoped the quality of treatment at the hospital would be improved thanks to the machines.',
        'en',
      ),
    ).toEqual([]);
  });
});

describe('commitments: a list after a splitter', () => {
  it('splits the joined actions after "đặc biệt là" though the cue stands before it', () => {
    const texts = textsOf(
      'Hai bên nhất trí tiếp tục triển khai các kết quả đạt được trong cuộc hội đàm giữa lãnh đạo hai Bộ Y tế tại thủ đô của hai nước trong năm nay, đặc biệt là đẩy nhanh việc xây dựng chương trình đào tạo bác sĩ nội trú và sớm khởi động dự án nâng cấp hệ thống xét nghiệm tại các bệnh viện tuyến tỉnh.',
    );
    expect(texts).toHaveLength(3);
    expect(texts[2]).toMatch(/^Sớm khởi động dự án/);
  });
});

describe('commitments: a second clause with its own cue', () => {
  it('splits ", và sẽ ..." and ", and X agreed to ..." into two promises', () => {
    const vi = textsOf(
      'Giám đốc bệnh viện cho biết phía bạn sẵn sàng cử bác sĩ sang hỗ trợ khoa nhi trong năm tới, và sẽ đề xuất với bộ chủ quản cấp thêm học bổng cho điều dưỡng.',
    );
    expect(vi).toHaveLength(2);
    expect(vi[1]).toMatch(/^Sẽ đề xuất/);
    const en = textsOf(
      'The two hospitals agreed to exchange surgeons twice a year, and the university offered to train four young pharmacists from the province.',
      'en',
    );
    expect(en).toEqual([
      'The two hospitals agreed to exchange surgeons twice a year',
      'The university offered to train four young pharmacists from the province',
    ]);
  });

  it('reads ", and that ..." after "agreed that" as its own promise', () => {
    const en = textsOf(
      'The ministers agreed that the clinic will open a dialysis unit next spring, and that a joint committee on nursing will be formed before June.',
      'en',
    );
    expect(en).toHaveLength(2);
    expect(en[1]).toMatch(/^A joint committee on nursing/);
  });

  it('keeps a list of subjects before one cue whole', () => {
    expect(
      textsOf(
        'The ministry, the hospital, and the university will jointly run a training course for rural midwives.',
        'en',
      ),
    ).toHaveLength(1);
  });
});

describe('commitments: a task assigned to a unit', () => {
  it('reads "giao Cục/Sở/các khoa ..." as an agreed follow-up', () => {
    const texts = textsOf(
      'Kết luận buổi làm việc, Thứ trưởng giao Cục Y tế dự phòng làm đầu mối, tổng hợp kết quả thí điểm trước tháng 9. Hai bệnh viện cũng giao các khoa chuyên môn soạn thảo quy trình chuyển tuyến chung.',
    );
    expect(texts).toHaveLength(2);
    expect(texts[0]).toMatch(/giao Cục Y tế dự phòng làm đầu mối/);
  });

  it('leaves exchanges and handovers alone', () => {
    expect(
      textsOf(
        'Đoàn đã giao lưu với sinh viên và bàn giao Trung tâm xét nghiệm cho tỉnh vào cuối buổi chiều.',
      ),
    ).toEqual([]);
  });
});

describe('commitments: the scope of a programme without a modal cue', () => {
  it('reads "Dự án nhằm ..." and "The purpose of the agreement is to ..." as the programme’s scope', () => {
    expect(
      textsOf('Dự án nhằm nâng cao năng lực cấp cứu ngoại viện cho các trạm y tế xã vùng ven biển.'),
    ).toHaveLength(1);
    expect(
      textsOf(
        'The purpose of the agreement is to expand telemedicine links between district hospitals and the national cancer centre.',
        'en',
      ),
    ).toHaveLength(1);
  });

  it('leaves a programme sentence with no scope verb alone', () => {
    expect(textsOf('Dự án được triển khai tại ba tỉnh miền núi phía Bắc từ năm ngoái.')).toEqual([]);
  });
});

describe('commitments: a further promise after ", cũng như" / ", as well as"', () => {
  it('splits off the action after the joiner, under the cue before it', () => {
    const texts = textsOf(
      'Giám đốc Sở đề nghị phía bạn tăng cường trao đổi chuyên gia về phục hồi chức năng cho người cao tuổi, cũng như hỗ trợ xe chuyên dụng cho các trạm y tế xã.',
    );
    expect(texts).toHaveLength(2);
    expect(texts[1]).toMatch(/^Hỗ trợ xe chuyên dụng/);
    const en = textsOf(
      'The foundation pledged to renovate two operating theatres at the provincial hospital, as well as to train ten anaesthetists from district clinics.',
      'en',
    );
    expect(en).toHaveLength(2);
  });

  it('keeps "cũng như" between two nouns inside one promise', () => {
    expect(
      textsOf(
        'Hai bên sẽ chia sẻ kinh nghiệm quản lý kháng sinh trong bệnh viện, cũng như kinh nghiệm giám sát tồn dư kháng sinh trong thực phẩm.',
      ),
    ).toHaveLength(1);
  });
});

describe('commitments: a heading that only announces its list', () => {
  it('drops "thống nhất một số nội dung ... như sau:" and keeps the elements', () => {
    const texts = textsOf(
      'Cuối buổi làm việc, hai sở thống nhất một số nội dung hợp tác trong giai đoạn tới như sau:\n- Trao đổi thông tin dịch bệnh hằng tuần giữa hai trung tâm kiểm soát bệnh tật;\n- Tổ chức lớp tập huấn về cấp cứu chấn thương cho 30 bác sĩ tuyến huyện.',
    );
    expect(texts).toHaveLength(2);
    expect(texts[0]).toMatch(/^Trao đổi thông tin/);
  });
});

describe('commitments: English forms of "tạo điều kiện" and a statement after ", saying"', () => {
  it('reads "creates favourable conditions" and "facilitates" as cues', () => {
    expect(
      textsOf(
        'The governor said the city creates favourable conditions for foreign clinics to train local nurses.',
        'en',
      ),
    ).toHaveLength(1);
  });

  it('splits a further statement after ", saying" when it has its own cue', () => {
    const en = textsOf(
      'The mayor expressed his hope that the new ward will open before the rainy season, saying the city always facilitates the work of volunteer surgeons.',
      'en',
    );
    expect(en).toHaveLength(2);
    expect(en[1]).toMatch(/^The city always facilitates/);
  });
});

describe('commitments: opinions and gladness are no promises', () => {
  it('drops a cue under "cho rằng" or "vui mừng khi"', () => {
    expect(
      textsOf('Chuyên gia cho rằng các bác sĩ trẻ tiếp thu nhanh và có thể tự thực hiện ca mổ sau một năm.'),
    ).toEqual([]);
    expect(
      textsOf('Giám đốc bày tỏ vui mừng khi chiếc máy thở mới sẽ phục vụ bệnh nhân nặng của khoa hồi sức.'),
    ).toEqual([]);
  });

  it('still reads a promise made in the same article', () => {
    expect(textsOf('Giám đốc bệnh viện cam kết sẽ cử 5 bác sĩ sang học tập trong năm tới.')).toHaveLength(1);
  });
});

describe("commitments: a document's content stated over two sentences", () => {
  it('reads "Theo văn bản ..., X" as the document’s content', () => {
    expect(
      textsOf('Theo văn bản gia hạn, hai bệnh viện mở rộng hợp tác sang lĩnh vực ghép giác mạc cho trẻ em.'),
    ).toHaveLength(1);
  });

  it('reads the list in the sentence right after the content, one item per ";"', () => {
    const texts = textsOf(
      'Theo Bản ghi nhớ, hai bên phối hợp đào tạo điều dưỡng hồi sức cho bệnh viện tỉnh. Phía bạn tiếp nhận 3 bác sĩ trẻ mỗi năm sang thực tập; hai bên tổ chức hội thảo chuyên đề chung hằng năm. Buổi lễ kết thúc lúc 11 giờ với tiết mục văn nghệ của sinh viên.',
    );
    expect(texts).toHaveLength(3);
    expect(texts[2]).toMatch(/^Hai bên tổ chức hội thảo/);
  });
});
