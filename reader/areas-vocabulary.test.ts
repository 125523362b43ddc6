import { describe, expect, it } from 'vitest';
import { draftArticle } from './assemble.ts';

const areasOf = (text: string): string[] =>
  draftArticle({ text })
    .areas.map((area) => area.id)
    .sort();

describe('area vocabulary real reports use', () => {
  it('reads eye and oral care, obstetrics and paediatrics, IT and online consultations in Vietnamese', () => {
    expect(areasOf('Hợp tác y tế\n\nHai bên hợp tác chăm sóc răng miệng và chăm sóc mắt.')).toEqual([
      'dentistry',
      'ophthalmology',
    ]);
    expect(areasOf('Hợp tác y tế\n\nHai bên hợp tác về sản khoa, nhi khoa và công nghệ thông tin.')).toEqual([
      'digital_health',
      'maternal_child_health',
    ]);
    expect(
      areasOf('Hợp tác y tế\n\nHai bệnh viện triển khai tư vấn trực tuyến và điều trị người bệnh.'),
    ).toEqual(['clinical_services', 'digital_health']);
  });

  it('reads the same areas in English, in either number', () => {
    expect(
      areasOf('Health cooperation\n\nThe sides will cooperate on eye care, oral health and cataracts.'),
    ).toEqual(['dentistry', 'ophthalmology']);
    expect(
      areasOf(
        'Health cooperation\n\nThe hospitals work on obstetrics, paediatrics and online consultations.',
      ),
    ).toEqual(['digital_health', 'maternal_child_health']);
    expect(areasOf('Health cooperation\n\nThe team will treat patients and supply medical devices.')).toEqual(
      ['clinical_services', 'medical_equipment'],
    );
  });

  it('does not read an area from the name of a hospital', () => {
    expect(
      areasOf('Hợp tác y tế\n\nĐoàn thăm Bệnh viện Mắt Trung ương và Bệnh viện Phụ sản Hà Nội.'),
    ).toEqual([]);
  });

  it('does not read research from the verb "to study", a cited study or the bodies that do research', () => {
    expect(areasOf('Hợp tác y tế\n\nHai sở sẽ nghiên cứu khả năng mở rộng khám bệnh cho ngư dân.')).toEqual([
      'clinical_services',
    ]);
    expect(areasOf('Hợp tác y tế\n\nBộ giao các vụ nghiên cứu, xây dựng kế hoạch về tiêm chủng.')).toEqual([
      'vaccines',
    ]);
    expect(
      areasOf(
        'Hợp tác y tế\n\nTheo nghiên cứu do PGS Trần Văn Bình chủ trì, nhiều viện nghiên cứu và nhóm nghiên cứu tham dự hội nghị về sốt rét.',
      ),
    ).toEqual(['communicable_disease']);
    expect(areasOf('Hợp tác y tế\n\nHai viện triển khai dự án nghiên cứu do JICA tài trợ.')).toEqual([
      'health_financing_aid',
      'research',
    ]);
    expect(areasOf('Hợp tác y tế\n\nHai bên đẩy mạnh hợp tác nghiên cứu về sốt rét.')).toEqual([
      'communicable_disease',
      'research',
    ]);
  });

  it('reads expert exchange from experts sent or received, not from experts attending or titled', () => {
    expect(
      areasOf(
        'Hợp tác y tế\n\nDự hội nghị có đại diện các sở và chuyên gia quốc tế. TS. Lê Văn An, chuyên gia dinh dưỡng, trình bày báo cáo.',
      ),
    ).toEqual(['maternal_child_health']);
    expect(areasOf('Hợp tác y tế\n\nBệnh viện sẽ cử 4 chuyên gia sang hỗ trợ Sở Y tế tỉnh.')).toEqual([
      'expert_exchange',
    ]);
    expect(
      areasOf('Health cooperation\n\nThe minister thanked the experts and volunteers of the charity.'),
    ).toEqual([]);
    expect(
      areasOf('Health cooperation\n\nThe charity is sending some 20 volunteers each year to the province.'),
    ).toEqual(['expert_exchange']);
    expect(areasOf('Hợp tác y tế\n\nHai chuyên gia Thái Lan sẽ đến làm việc ở bệnh viện tỉnh.')).toEqual([
      'expert_exchange',
    ]);
    expect(
      areasOf('Health cooperation\n\nThree experts from the institute will come to Hue in May.'),
    ).toEqual(['expert_exchange']);
  });

  it('reads aid from gifts sent, funds for the cooperation and costs a partner covers, not the host budget', () => {
    expect(
      areasOf('Hợp tác y tế\n\nHội Chữ thập đỏ Nhật Bản gửi tặng tỉnh 20 xe lăn và lo kinh phí cho dự án.'),
    ).toEqual(['health_financing_aid']);
    expect(areasOf('Hợp tác y tế\n\nQuỹ đài thọ toàn bộ chi phí đi lại cho bệnh nhân.')).toEqual([
      'health_financing_aid',
    ]);
    expect(
      areasOf('Health cooperation\n\nThe foundation covered the costs of travel for the families.'),
    ).toEqual(['health_financing_aid']);
    expect(areasOf('Hợp tác y tế\n\nTỉnh bố trí kinh phí từ ngân sách nhà nước cho trạm y tế.')).toEqual([]);
  });

  it('does not read an area from a capitalised keyword in the name of a body or an office', () => {
    expect(
      areasOf(
        'Hợp tác y tế\n\nDự buổi làm việc có đại diện Vụ Dinh dưỡng – Sơ sinh và Trung tâm Nhi khoa Bắc Ninh.',
      ),
    ).toEqual([]);
    expect(
      areasOf('Hợp tác y tế\n\nBà Lan, Bộ trưởng phụ trách Lao động và Người cao tuổi, dự lễ ký.'),
    ).toEqual([]);
    expect(
      areasOf('Hợp tác y tế\n\nHai bên hợp tác chăm sóc người cao tuổi và phòng chống Covid-19.'),
    ).toEqual(['communicable_disease', 'elderly_care']);
    expect(
      areasOf('Hợp tác y tế\n\nHội nghị Y học cổ truyền ASEAN mở ra hợp tác giữa các cơ sở Nha khoa.'),
    ).toEqual(['dentistry', 'traditional_medicine']);
  });

  it('reads a professional exchange as expert exchange', () => {
    expect(
      areasOf('Hợp tác y tế\n\nHai điều dưỡng Lào có ba tuần trao đổi chuyên môn tại bệnh viện tỉnh.'),
    ).toEqual(['expert_exchange']);
    expect(
      areasOf('Health cooperation\n\nTwo Lao nurses spent three weeks on a professional exchange in Hue.'),
    ).toEqual(['expert_exchange']);
  });

  it("does not read an area from the host's own achievements praised by a guest", () => {
    expect(
      areasOf(
        "Health cooperation\n\nThe envoy praised Vietnam's success in cutting malaria deaths. The two sides will cooperate on eye care.",
      ),
    ).toEqual(['ophthalmology']);
    expect(
      areasOf(
        'Hợp tác y tế\n\nĐại sứ chúc mừng thành tựu của ngành y tế Việt Nam trong phòng chống sốt rét. Hai bên hợp tác về nha khoa.',
      ),
    ).toEqual(['dentistry']);
  });

  it('reads non-communicable disease from cardiovascular disease, not from the cardiology specialty', () => {
    expect(
      areasOf(
        'Hợp tác y tế\n\nBệnh viện nhận máy siêu âm chuyên về tim mạch và hợp tác về tim mạch can thiệp.',
      ),
    ).toEqual(['medical_equipment']);
    expect(areasOf('Hợp tác y tế\n\nHai bên phối hợp phòng chống bệnh tim mạch ở người cao tuổi.')).toEqual([
      'elderly_care',
      'ncd',
    ]);
  });
});
