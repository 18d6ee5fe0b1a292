# Source of the extra question set: (question, lang, source-file prefix, evidence, answer_facts).
# Unanswerable questions: source is the document the near-miss is built against (informational); evidence/facts empty.
# Run build_split.py to regenerate questions-dev.jsonl / questions-test.jsonl.
F = {
 "001": "001_kczg-little-giant-batches-1-7-report.txt",
 "002": "002_udn-little-giants-2024-revenue.txt",
 "003": "003_cnyes-shenzhen-first-srdi-city.txt",
 "004": "004_chinadailyhk-17600-little-giants.txt",
 "005": "005_miit-2025-little-giant-review-notice-en.txt",
 "006": "006_ofweek-top30-cities-little-giants.txt",
 "007": "007_ifeng-nanjing-334-little-giants.txt",
 "008": "008_shanxi-taiyuan-srdi-rewards.txt",
 "009": "009_shandong-2022-provincial-srdi-list-notice.txt",
 "010": "010_anpei-2024-little-giant-count-review.txt",
 "011": "011_21jingji-shenzhen-1040-little-giants.txt",
 "012": "012_hkcd-guangdong-little-giants-handbook.txt",
 "013": "013_asiatimes-tech-measure-little-giants-en.txt",
 "014": "014_henan-gov-en-little-giants-surge.txt",
 "015": "015_ezhou-continued-support-little-giants.txt",
}

A = []  # answerable: (question, lang, doc, evidence, facts)
U = []  # unanswerable: (question, lang, doc-it-nearly-matches)

# --- 001 seven-batch analysis report (zh)
A += [
 ("2025年工信部新认定了多少家国家级专精特新小巨人？", "zh", "001", ["2025年新认定的数量达到3482家"], [["3482", "3,482"]]),
 ("How many more little giants were newly recognised in 2025 than in 2024, and what growth rate is that?", "en", "001", ["比2024年的3012家多了470家", "增长率约15.60%"], [["470"], ["15.60%", "15.6%"]]),
 ("去年小巨人复核的通过率是多少，比前一年提高了几个百分点？", "zh", "001", ["复核通过率提升到87.04%", "比2024年高了4.14个百分点"], [["87.04%"], ["4.14"]]),
 ("How many enterprises passed the 2025 little giant re-review, and which batches did that re-review cover?", "en", "001", ["2025年通过复审的企业有3916家", "包括第一批和第四批复审"], [["3916", "3,916"], ["第一批和第四批", "first and fourth", "1st and 4th"]]),
 ("小巨人培育體系被分成哪三個階段？", "zh-Hant", "001", ["探索期:2018年", "完善期:随着政策深入推进", "稳定期:经过结构性调整后"], [["探索期", "探索期"], ["完善期"], ["稳定期", "穩定期"]]),
 ("According to the report on the first seven batches, in which year was the little giant concept first put forward?", "en", "001", ["2018年“专精特新小巨人”概念首次提出"], [["2018"]]),
]
U += [
 ("第七批国家级小巨人名单里江苏省新增了多少家？", "zh", "001"),
 ("What was the little giant re-review pass rate in 2023?", "en", "001"),
]

# --- 002 UDN (zh-Hant, Taiwan)
A += [
 ("2024年规模以上“小巨人”工业企业一共实现了多少营业收入？", "zh", "002", ["實現營業收入4.84萬億元"], [["4.84萬億", "4.84万亿", "4.84 trillion"]]),
 ("What share of operating revenue and of profits do little giants contribute, relative to their roughly 3% share of industrial SMEs above designated size, according to Shan Zhongde's 2024 figures?", "en", "002", ["貢獻了6%的營業收入和9.7%的利潤"], [["6%"], ["9.7%"]]),
 ("累计有多少家专精特新中小企业已经在A股上市？", "zh", "002", ["累計有2028家專精特新中小企業在A股上市"], [["2028", "2,028"]]),
 ("2024年「小巨人」企業一共擁有多少項發明專利？平均每家授權多少項？", "zh-Hant", "002", ["擁有32.74萬項發明專利", "平均授權發明專利22項"], [["32.74萬", "32.74万", "327400", "327,400"], ["22"]]),
 ("工信部说要推进的“五个赋能”具体指哪五个？", "zh", "002", ["一體推進創新賦能、數字賦能、服務賦能", "人才賦能、生態賦能「五個賦能」"], [["創新賦能", "创新赋能"], ["數字賦能", "数字赋能"], ["服務賦能", "服务赋能"], ["人才賦能", "人才赋能"], ["生態賦能", "生态赋能"]]),
 ("How many SRDI SMEs made the global unicorn list, and what share of China's unicorns is that?", "en", "002", ["有146家專精特新中小企業進入全球獨角獸榜"], [["146"], ["43%"]]),
 ("What percentage of little giant enterprises are manufacturers?", "en", "002", ["製造業企業占比88%"], [["88%"]]),
 ("有多少家小巨人企业承担过国家重大科技项目？", "zh", "002", ["有2000多家「小巨人」企業承擔過國家重大科技項目"], [["2000", "2,000"]]),
]
U += [
 ("2023年“小巨人”企业平均研发投入占营业收入的比重是多少？", "zh", "002"),
 ("2024年專精特新中小企業在港股上市的有多少家？", "zh-Hant", "002"),
]

# --- 003 cnyes Shenzhen (zh-Hant, Taiwan)
A += [
 ("第七批名单公示后，深圳有效期内的小巨人总量是多少？这一批新增了多少家？", "zh", "003", ["企業總量達到1333家", "深圳以347家的新增數量位居全國城市首位"], [["1333", "1,333"], ["347"]]),
 ("When Shenzhen overtook them after the seventh batch, how many valid little giants did Beijing and Shanghai have?", "en", "003", ["超越北京(1210家)和上海(1032家)"], [["1210", "1,210"], ["1032", "1,032"]]),
 ("深圳是哪一年超过上海、升到全国第二的？", "zh", "003", ["到2023年超越上海實現“三進二”"], [["2023"]]),
 ("深圳已上市的「小巨人」企業平均市值大約多少？", "zh-Hant", "003", ["71億元的平均市值"], [["71億", "71亿", "7.1 billion"]]),
 ("Name Shenzhen little giants that supply upstream parts for humanoid robots.", "en", "003", ["兆威機電提供全球領先的微型驅動系統", "匯川技術領跑伺服系統"], [["兆威", "Zhaowei"], ["匯川", "汇川", "Inovance"]]),
 ("深圳在哪一年超过宁波，排名从第四升到第三？", "zh", "003", ["2022年超越寧波實現“四進三”"], [["2022"]]),
]
U += [
 ("第七批名单里广州新增了多少家专精特新小巨人？", "zh", "003"),
 ("深圳小巨人企業的平均營業收入是多少？", "zh-Hant", "003"),
]

# --- 004 China Daily HK (en)
A += [
 ("How many national-level little giant enterprises had China incubated according to the MIIT figure released at the Chongqing SME conference?", "en", "004", ["more than 17,600 national-level"], [["17,600", "17600", "1.76万"]]),
 ("小巨人企业只占规上工业中小企业的3.5%，却贡献了多少比例的利润？", "zh", "004", ["13.7 percent of its total profits"], [["13.7"]]),
 ("Which minister spoke at the SME development conference in Chongqing, and how many scientific and innovative SMEs did he say had been nurtured?", "en", "004", ["said Li Lecheng, minister of industry", "more than 600,000 scientific and"], [["Li Lecheng", "李乐成"], ["600,000", "600000", "60万"]]),
]
U += [
 ("How many little giant enterprises are located in Tianjin?", "en", "004"),
]

# --- 005 MIIT 2025 notice (en)
A += [
 ("2025年哪类企业可以申报第七批专精特新“小巨人”？", "zh", "005", ["Provincial-level specialized", "may apply for the seventh batch"], [["Provincial-level", "省级", "provincial"]]),
 ("Which earlier batches may apply for re-examination in the 2025 little giant round?", "en", "005", ["The fourth batch recognized in 2022", "the first batch that passed the review"], [["fourth", "第四批"], ["first", "第一批"]]),
 ("申报小巨人要交费吗？", "zh", "005", ["No fees will be charged"], [["No fees", "不收费", "免费", "no fee"]]),
 ("What review methods does MIIT use to keep the little giant evaluation fair?", "en", "005", ["segmented review", "blind review"], [["segmented review", "分段评审"], ["double random", "双随机"], ["blind review", "盲评"]]),
 ("申報小巨人的線上平台網址是什麼？", "zh-Hant", "005", ["http://zjtx.miit.gov.cn"], [["zjtx.miit.gov.cn"]]),
]
U += [
 ("What is the application deadline for the 2025 little giant recognition and review?", "en", "005"),
 ("2025年申报小巨人对上年度营业收入的最低要求是多少？", "zh", "005"),
]

# --- 006 OFweek top-30 cities (zh)
A += [
 ("Which province led China in valid little giant enterprises as of March 2025, and with how many?", "en", "006", ["江苏省以2156家领跑全国"], [["Jiangsu", "江苏", "江蘇"], ["2156", "2,156"]]),
 ("截至2025年3月底，浙江省有多少家有效期内的小巨人企业？", "zh", "006", ["浙江(1806)"], [["1806", "1,806"]]),
 ("In the top-30 city ranking, how many little giants did Shanghai have?", "en", "006", ["其次是上海(858家)"], [["858"]]),
 ("蘇州和武漢各有多少家「小巨人」企業？", "zh-Hant", "006", ["苏州(595家)", "武汉(348家)"], [["595"], ["348"]]),
 ("哪六个省份的小巨人合计超过全国总量的六成？", "zh", "006", ["江苏、广东、浙江、山东、北京、上海六个省份"], [["江苏", "江蘇", "Jiangsu"], ["广东", "廣東", "Guangdong"], ["浙江", "Zhejiang"], ["山东", "山東", "Shandong"], ["北京", "Beijing"], ["上海", "Shanghai"]]),
 ("這份城市排名的小巨人數據統計截至哪一天？", "zh-Hant", "006", ["统计时间为2025年3月31日"], [["2025年3月31日", "2025-03-31", "March 31, 2025"]]),
]
U += [
 ("合肥有多少家专精特新小巨人企业？", "zh", "006"),
 ("How many little giant enterprises does Xi'an have?", "en", "006"),
]

# --- 007 ifeng Nanjing (zh)
A += [
 ("How many national little giant enterprises has Nanjing cultivated in total, after the sixth batch?", "en", "007", ["国家专精特新“小巨人”企业334家"], [["334"]]),
 ("第六批名單中南京新增了多少家小巨人？", "zh-Hant", "007", ["南京市新增企业121家"], [["121"]]),
 ("南京累计有多少家省级专精特新中小企业和国家制造业单项冠军企业？", "zh", "007", ["省级专精特新中小企业1424家", "累计培育国家制造业单项冠军企业31家"], [["1424", "1,424"], ["31"]]),
 ("What share of Nanjing's provincial-level-and-above SRDI firms work closely with local universities on innovation?", "en", "007", ["85%的省级以上专精特新企业与在宁高校"], [["85%"]]),
 ("南京推动专精特新发展的“六大工程”有哪些？", "zh", "007", ["大力实施梯度培育、创新驱动发展", "品牌和质量提升、精准化要素保障和服务"], [["梯度培育"], ["创新驱动发展", "創新驅動發展"], ["产业链强链补链", "產業鏈強鏈補鏈"], ["品牌和质量提升", "品牌和質量提升"]]),
]
U += [
 ("南京对新认定的国家级小巨人企业一次性奖励多少万元？", "zh", "007"),
 ("How many little giants were added in Suzhou in the sixth batch?", "en", "007"),
]

# --- 008 Shanxi / Taiyuan rewards (zh)
A += [
 ("山西综改区对首次认定的国家级小巨人给多少奖励？", "zh", "008", ["一次性奖励50万元"], [["50万", "500,000", "500000"]]),
 ("In the Shanxi Comprehensive Reform Demonstration Zone, what one-off awards do first-time provincial SRDI firms and provincial little giants get?", "en", "008", ["分别给予15万元、25万元"], [["15万", "150,000", "150000"], ["25万", "250,000", "250000"]]),
 ("What is the maximum one-off reward Shanxi province gives a recognised provincial-level SRDI SME?", "en", "008", ["给予最高不超过30万元的一次性奖励"], [["30万", "300,000", "300000"]]),
 ("太原市對認定的省級專精特新民營中小企業給予什麼樣的資金支持？", "zh-Hant", "008", ["市财政给予与省同等额度的资金支持"], [["同等额度", "同等額度", "same amount"]]),
 ("山西省给省级专精特新企业最高30万元奖励，依据的是哪个文件？", "zh", "008", ["晋财建一〔2018〕113号"], [["113号", "113號", "中小微企业发展专项资金管理办法"]]),
]
U += [
 ("太原市对首次认定的国家级专精特新小巨人企业一次性奖励多少万元？", "zh", "008"),
 ("大同市对省级专精特新中小企业奖励多少钱？", "zh", "008"),
]

# --- 009 Shandong 2022 provincial list notice (Traditional script)
A += [
 ("2022年度山东省认定了多少家省级专精特新中小企业？", "zh", "009", ["等2683家企業為2022年度山東省"], [["2683", "2,683"]]),
 ("How many companies passed Shandong's 2022 re-review of provincial SRDI status?", "en", "009", ["等185家企業為2022年度通過複核"], [["185"]]),
 ("山东省专精特新中小企业称号有效期多长？这份公布通知是哪天发的？", "zh", "009", ["有效期三年 ,現予以公布", "2022年6月23日"], [["三年", "3年", "three years"], ["2022年6月23日", "2022-06-23", "June 23, 2022"]]),
 ("Which authority issued the 2022 Shandong provincial SRDI list?", "en", "009", ["山東省工業和信息化廳"], [["山東省工業和信息化廳", "山东省工业和信息化厅", "Shandong Provincial Department of Industry and Information Technology"]]),
 ("山東省依據哪個辦法認定省級專精特新中小企業？", "zh-Hant", "009", ["《山東省“專精特新”中小企業認定管理辦法》"], [["認定管理辦法", "认定管理办法"]]),
]
U += [
 ("2023年度山东省认定了多少家省级专精特新中小企业？", "zh", "009"),
 ("How many provincial-level SRDI SMEs did Jiangsu recognise in 2022?", "en", "009"),
]

# --- 010 anpei count review (Traditional script)
A += [
 ("前六批小巨人累计公示了多少家？", "zh", "010", ["前六批累計公示企業數為15970家"], [["15970", "15,970"]]),
 ("How many first-batch little giants passed the re-review?", "en", "010", ["142家,1079家,2430家"], [["142"]]),
 ("第四批和第五批小巨人各公示了多少家？", "zh", "010", ["4359家、3673家"], [["4359", "4,359"], ["3673", "3,673"]]),
 ("How many companies were published in the second batch of national little giants?", "en", "010", ["248家、1748家、2930家"], [["1748", "1,748"]]),
 ("第三批小巨人复审通过了多少家？", "zh", "010", ["第三批專精特新小巨人通過復審企業數為2430家"], [["2430", "2,430"]]),
]
U += [
 ("第七批小巨人中有多少家位于中西部地区？", "zh", "010"),
]

# --- 011 21jingji Shenzhen (zh)
A += [
 ("How many sixth-batch little giants are in the Yangtze River Delta, and what share is that?", "en", "011", ["有1364家位于长三角地区,占比达到45%"], [["1364", "1,364"], ["45%"]]),
 ("第六批小巨人中深圳获批了多少家？", "zh", "011", ["共有298家,占全国总数近10%"], [["298"]]),
 ("Which three provinces got the most sixth-batch little giants, with how many each?", "en", "011", ["江苏、广东(含深圳)、浙江占据前三", "分别为711家、561家和400家"], [["711"], ["561"], ["400"]]),
 ("第六批「小巨人」中珠三角地區有多少家？占比多少？", "zh-Hant", "011", ["珠三角地区有543家,占比18%"], [["543"], ["18%"]]),
 ("As of late September 2024, how many little giants did Shenzhen have in total, and where did it rank?", "en", "011", ["深圳专精特新“小巨人”企业总数已达到1040家", "仅次于北京,位居全国第二"], [["1040", "1,040"], ["第二", "second", "2nd"]]),
]
U += [
 ("第六批小巨人中深圳南山区有多少家？", "zh", "011"),
]

# --- 012 HKCD PwC Guangdong handbook (zh-Hant, Hong Kong)
A += [
 ("普华永道的成长手册显示广东有多少家国家级小巨人？", "zh", "012", ["廣東有1525家國家級專精特新「小巨人」企業"], [["1525", "1,525"]]),
 ("According to the PwC handbook, how many little giants does Shenzhen have, and how many of them are in Nanshan and Bao'an together?", "en", "012", ["深圳貢獻了廣東超過一半的專精特新「小巨人」,達到752家", "其中南山和寶安兩區共有436家,佔總數59%"], [["752"], ["436"]]),
 ("深圳小巨人企业的平均成立年限是多少年？", "zh", "012", ["平均成立年限14.4年"], [["14.4"]]),
 ("In July 2023's fifth batch, how many Shenzhen firms were added and how many of them were in computer, communications and other electronic equipment manufacturing?", "en", "012", ["第五批新增深圳310家小巨人", "電子設備製造業有134家"], [["310"], ["134"]]),
 ("深圳小巨人企业平均申请了多少件专利？PCT专利呢？", "zh", "012", ["平均申請專利152件、近6.5件PCT專利"], [["152"], ["6.5"]]),
 ("Which firm published the Guangdong little giants growth handbook covered by the Hong Kong paper?", "en", "012", ["1月19日,普華永道公布"], [["普華永道", "普华永道", "PwC", "PricewaterhouseCoopers"]]),
]
U += [
 ("东莞有多少家国家级专精特新小巨人企业？", "zh", "012"),
 ("普華永道報告中浙江省有多少家小巨人？", "zh-Hant", "012"),
]

# --- 013 Asia Times (en)
A += [
 ("据亚洲时报的文章，截至2024年12月已经公布了几批小巨人，共有多少家？", "zh", "013", ["six batches of such Little Giants", "a total of 14,600 SMEs"], [["six", "六"], ["14,600", "14600", "1.46万"]]),
 ("What 14th Five-Year Plan target for little giants by 2025 did the 14,600 figure surpass?", "en", "013", ["goal of creating 10,000 by 2025"], [["10,000", "10000", "1万"]]),
 ("亞洲時報說工信部是哪一年推出小巨人政策的？", "zh-Hant", "013", ["Little Giants policy in 2018"], [["2018"]]),
]
U += [
 ("According to Asia Times, what percentage of Little Giants work in artificial intelligence?", "en", "013"),
]

# --- 014 Henan gov English (en)
A += [
 ("2024年小巨人企业平均投入了多少研发资金？", "zh", "014", ["invested more than 30 million yuan"], [["30 million", "3000万", "3,000万"]]),
 ("During the 14th Five-Year Plan period, the number of little giants rose from what to what?", "en", "014", ["rose from over 5,000 to more than 17,600"], [["5,000", "5000"], ["17,600", "17600"]]),
 ("有多少家小巨人企业正在拓展量子科技等前沿领域？", "zh", "014", ["nearly 6,000 are expanding into frontier"], [["6,000", "6000"]]),
]
U += [
 ("How much did little giant enterprises invest in R&D on average in 2022?", "en", "014"),
]

# --- 015 Ezhou (zh)
A += [
 ("How many enterprises nationwide were put on the list of little giants to receive continued financial support after the performance evaluation?", "en", "015", ["全国1188家企业入选继续支持"], [["1188", "1,188"]]),
 ("鄂州現在有多少家國家級專精特新「小巨人」企業？", "zh-Hant", "015", ["国家级专精特新“小巨人”企业15家"], [["15"]]),
 ("Which two Ezhou companies made the continued-support list?", "en", "015", ["华工法利莱切焊系统工程有限公司", "湖北同方高科泵业有限公司"], [["华工法利莱", "華工法利萊"], ["同方高科"]]),
 ("2021到2025年中央财政累计安排了多少奖补资金支持小巨人？", "zh", "015", ["中央财政累计安排100亿元以上奖补资金"], [["100亿", "100億", "10 billion"]]),
 ("How many provincial-level SRDI SMEs and national key little giants does Ezhou have?", "en", "015", ["省级专精特新中小企业122家", "国家重点“小巨人”企业2家"], [["122"], ["2"]]),
]
U += [
 ("鄂州有多少家创新型中小企业？", "zh", "015"),
 ("黄石市有多少家国家级专精特新小巨人企业？", "zh", "015"),
]

# --- off-topic / cross-document near-misses
U += [
 ("台湾经济部2025年的中小企业“小巨人奖”有多少家企业获奖？", "zh", "003"),
 ("What is the corporate income tax rate for little giant enterprises?", "en", "013"),
 ("2025年深圳市GDP是多少？", "zh", "003"),
]
