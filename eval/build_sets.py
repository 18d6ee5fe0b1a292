#!/usr/bin/env python3
"""Builds eval/sets/seeds-dev.jsonl and eval/sets/seeds-test.jsonl.

The questions below were written by reading the five documents in corpus/
(not the assistant code).  Each entry carries a private "tag" used only for the
stratified dev/test split (it is not written to the output files):

  xl   - English question whose answer is stated only in a Chinese document
  xen  - Chinese (zh / zh-Hant) question whose answer is stated only in an
         English document
  xsim - zh-Hant question whose answer is stated only in the Simplified doc 004
  xhant- zh question whose answer is stated only in the Traditional doc 002
  same - question in the language of its source document (or mixed)
  un   - unanswerable near-miss / off-topic

Run:  python3 eval/build_sets.py   (deterministic: fixed random seed)
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))

D0 = "000_fe1876dc22b637aa.txt"
D1 = "001_c3532d2b1e931b04.txt"
D2 = "002_086904b07fad3f53.txt"
D3 = "003_ae6fda2240162a5d.txt"
D4 = "004_449b35b0287a6307.txt"

Q = []


def A(lang, tag, src, question, evidence, facts):
    Q.append(dict(question=question, lang=lang, answerable=True, source=src,
                  evidence=evidence, answer_facts=facts, _tag=tag))


def U(lang, question):
    Q.append(dict(question=question, lang=lang, answerable=False, source=None,
                  evidence=[], answer_facts=[], _tag="un"))


# --------------------------------------------------------------------------
# English questions answered only in the Chinese documents (004 zh-Hans, 002 zh-Hant)
# --------------------------------------------------------------------------
A("en", "xl", D4, "Which city now leads China in the cumulative number of national little giant firms, and where does Beijing rank?",
  ["深圳市累计培育1331家, 数量赶超北京, 跃居全国首位", "企业1214家, 排名全国第二"],
  [["深圳", "Shenzhen"], ["第二", "second", "2nd", "No.2", "number two"]])
A("en", "xl", D4, "In 2023, how many little giants did Shenzhen add, and how far ahead of Beijing's addition was that?",
  ["2023年深圳增量300家，超北京93家"], [["300"], ["93"]])
A("en", "xl", D4, "What was Shenzhen's net increase in little giant enterprises in 2024?",
  ["2024年深圳增量283家"], [["283"]])
A("en", "xl", D4, "Since what year has Shenzhen added more new little giants than any other place in China?",
  ["深圳连续三年新增“小巨人”企业数量全国第一"], [["2023"]])
A("en", "xl", D4, "How many national high-tech enterprises were there in Beijing at the end of 2024?",
  ["北京市的国家高新技术企业为2.97万家"], [["2.97万", "2.97萬", "29700", "29,700", "29.7 thousand"]])
A("en", "xl", D4, "Why are Beijing SMEs not very motivated to apply for innovative-SME status?",
  ["由于创新型中小企业缺乏切实的优惠政策", "中小企业申报动力不足"],
  [["优惠政策", "優惠政策", "preferential", "incentive", "benefit"]])
A("en", "xl", D4, "Together, how many little giants are based in Shenzhen's Nanshan and Bao'an districts?",
  ["共有712家“小巨人”企业"], [["712"]])
A("en", "xl", D4, "Roughly how many little giants do Beijing's outer districts Tongzhou, Daxing and Fangshan have combined?",
  ["“小巨人”企业数量合计不足60家"], [["60"]])
A("en", "xl", D4, "On MIIT's seventh published list, how many Shenzhen little giants were in the four hardware manufacturing segments?",
  ["深圳上述四领域的“小巨人”企业合计122家", "工信部第七批公示名单中"], [["122"]])
A("en", "xl", D4, "How many of Beijing's little giants are in high-end manufacturing such as aerospace and medicine & health, and what share of the city total is that?",
  ["截至2025年上述领域的“小巨人”企业83家", "不足全市总量的7%"], [["83"], ["7%", "7 percent", "7 per cent"]])
A("en", "xl", D4, "Which city has more publicly listed little giants, Beijing or Shenzhen?",
  ["北京在上市企业数量上略胜一筹", "北京的“小巨人”企业有110家已上市"], [["北京", "Beijing"], ["110"]])
A("en", "xl", D4, "How many of Shenzhen's listed little giants trade on ChiNext?",
  ["深交所创业板主场优势，数量达42家"], [["42"]])
A("en", "xl", D4, "Which industries account for the most listed little giants in Beijing?",
  ["软件和信息技术服务业（21家）", "专用设备制造业（19家）"],
  [["软件", "software"], ["专用设备", "專用設備", "special equipment", "special-purpose equipment", "specialized equipment", "specialised equipment"]])
A("en", "xl", D4, "How many listed Beijing little giants make computers, communication and other electronic equipment?",
  ["计算机通信及其他电子设备制造业（17家）"], [["17"]])
A("en", "xl", D4, "Which industrial cluster plan of Shenzhen do its listed little giants match?",
  ["契合深圳市“20+8”的产业集群布局"], [["20+8"]])
A("en", "xl", D4, "What investment motto does the Beijing study want patient capital to follow?",
  ["投早、投小、投硬科技"], [["投早", "invest early", "early"], ["硬科技", "hard tech", "hard-tech", "hard technology"]])
A("en", "xl", D4, "What annual revenue must a Beijing second-tier-district SME pass for the first time to be rewarded, per the study's proposal?",
  ["年营收首次突破5000万元"], [["5000万", "5000萬", "50 million", "50000000", "50,000,000"]])
A("en", "xl", D4, "With which neighbouring region should Beijing deepen industrial collaboration to grow its little giants?",
  ["深化京津冀产业协同"], [["京津冀", "Beijing-Tianjin-Hebei", "Tianjin"]])
A("en", "xl", D4, "Where do the Beijing and Shenzhen little giant counts in the comparative study come from?",
  ["当地政府官网报道和上奇产业通数据"], [["上奇", "Shangqi"], ["政府", "government"]])
A("en", "xl", D4, "What shift in the R&D-to-market paradigm does the Beijing study call for?",
  ["“技术研发与商业应用同步”的创新范式", "“先研发后转化”的传统范式"],
  [["同步", "simultaneous", "in parallel", "synchron", "at the same time", "concurrent"]])
A("en", "xl", D4, "When was the first author of the Beijing–Shenzhen little giant study born?",
  ["任媛(2000-), 女, 中国吉林人"], [["2000"]])
A("en", "xl", D4, "Which Shenzhen districts host its electronic equipment clusters?",
  ["宝安、龙华电子装备集群"], [["宝安", "寶安", "Bao'an", "Baoan"], ["龙华", "龍華", "Longhua"]])
A("en", "xl", D4, "How many of Beijing's listed little giants are in research, experimental development and tech-promotion tracks combined?",
  ["科创赛道合计超30家"], [["30"]])
A("en", "xl", D4, "What does the study suggest Beijing build on top of its government big-data resources?",
  ["依托北京市政务大数据资源", "建立各层级梯度培育企业储备库"],
  [["储备库", "儲備庫", "reserve", "pool", "database"]])
A("en", "xl", D4, "What kind of joint innovation body should little giants, state-owned firms and universities set up?",
  ["参与组建创新联合体"], [["创新联合体", "創新聯合體", "consorti", "innovation alliance", "innovation union"]])
A("en", "xl", D4, "Which sectors does the Beijing study count as 'hard manufacturing'?",
  ["通用设备制造等“硬制造”行业", "在计算机与通信电子设备、专用设备制造"],
  [["专用设备", "專用設備", "special equipment", "special-purpose equipment", "specialized equipment", "specialised equipment"],
   ["通用设备", "通用設備", "general equipment", "general-purpose equipment"]])
A("en", "xl", D4, "What are little giant enterprises, in one sentence?",
  ["是“专精特新”中小企业梯队中的排头兵企业", "在产业链关键环节发挥重要作用"],
  [["排头兵", "排頭兵", "vanguard", "leader", "leading", "frontrunner", "front-runner", "spearhead", "elite"]])
A("en", "xl", D4, "What should Haidian and the Economic-Technological Development Area help their leading little giants build or take on?",
  ["重点支持其建设国家级制造业创新", "承担国家重大专项"],
  [["制造业创新", "製造業創新", "manufacturing innovation"],
   ["重大专项", "重大專項", "major national", "national major", "major special", "major project"]])

A("en", "xl", D2, "By the end of 2024, how many technology-based and innovative SMEs had China cultivated in total?",
  ["累計培育科技和創新型中小企業超60萬家"], [["60萬", "60万", "600000", "600,000", "600 thousand"]])
A("en", "xl", D2, "What proportion of China's little giants sit in strategic emerging industries like next-generation IT and new materials?",
  ["超六成集中在新一代信息技術"], [["六成", "60%", "60 percent", "60 per cent", "sixty percent"]])
A("en", "xl", D2, "By number, what share of the national total do little giants represent, according to the disruptive-innovation article?",
  ["企業數量僅占全國的1.2%"], [["1.2%", "1.2 percent", "1.2 per cent"]])
A("en", "xl", D2, "Who came up with the disruptive innovation theory cited in the SRDI article, and in which year?",
  ["1997年,美國著名管理學家", "Clayton M. Christensen"], [["1997"], ["Christensen", "克里斯坦森"]])
A("en", "xl", D2, "On what date did the Politburo hold the collective study session on high-quality development quoted in the article?",
  ["2024年1月31日,中共中央政治局"],
  [["1月31日", "January 31", "31 January", "Jan 31", "Jan. 31", "2024-01-31"]])
A("en", "xl", D2, "How big is the central-government award and subsidy fund for little giants?",
  ["中央財政設立百億獎補資金扶持“小巨人”企業"],
  [["百億", "百亿", "10 billion", "ten billion", "100億", "100亿", "10billion"]])
A("en", "xl", D2, "Which company is cited as an embodied-intelligence SRDI firm, and what product does it focus on?",
  ["靈動科技作為具身智能領域的專精特新企業", "視覺導航自主移動機器人"],
  [["靈動", "灵动", "ForwardX", "Lingdong"], ["AMR", "自主移動機器人", "自主移动机器人", "autonomous mobile robot"]])
A("en", "xl", D2, "How does Unitree draw developers to its humanoid robot platform?",
  ["通過開放軟件開發工具包"], [["SDK", "軟件開發工具包", "软件开发工具包", "software development kit"]])
A("en", "xl", D2, "What is the root contradiction holding back SRDI SMEs' innovation, according to the disruptive-innovation article?",
  ["創新投入需求與資源供給能力的根本性失衡"], [["失衡", "imbalance", "mismatch", "gap"]])
A("en", "xl", D2, "Along which four dimensions should China push SRDI SMEs' disruptive-innovation breakthroughs?",
  ["從政策引導、資源供給、產業協同和生態構建四個維度系統發力"],
  [["政策引導", "政策引导", "policy"], ["資源供給", "资源供给", "resource"], ["生態構建", "生态构建", "ecosystem", "ecolog"]])
A("en", "xl", D2, "Which two kinds of capital should be created to back early, high-risk disruptive projects?",
  ["設立“大膽資本”和“耐心資本”"],
  [["大膽資本", "大胆资本", "bold capital", "daring capital", "audacious capital", "courageous capital"], ["耐心資本", "耐心资本", "patient capital"]])
A("en", "xl", D2, "Which new university majors does the article want created to train cross-disciplinary talent?",
  ["設立人工智能、量子工程等新興專業"], [["量子工程", "quantum engineering"], ["人工智能", "artificial intelligence"]])
A("en", "xl", D2, "What open-source architecture is given as breaking the chip instruction-set monopoly?",
  ["開源架構RISC-V打破芯片指令集壟斷"], [["RISC-V", "RISCV", "RISC V"]])
A("en", "xl", D2, "Which university is Pang Beibei, co-author of the disruptive-innovation article, affiliated with?",
  ["龐貝貝,北京聯合大學管理學院"], [["北京聯合大學", "北京联合大学", "Beijing Union University"]])
A("en", "xl", D2, "What kind of future-industry parks should central and western China build, according to the article?",
  ["支持中西部地區建設新型儲能、具身智能等未來產業園區"],
  [["儲能", "储能", "energy storage"], ["具身智能", "embodied"]])
A("en", "xl", D2, "What insurance-type tool does the article suggest promoting to share the risk of disruptive innovation?",
  ["推廣顛覆式創新保險等風險分擔工具"], [["保險", "保险", "insurance"]])
A("en", "xl", D2, "What metaphor describes SRDI SMEs' place in the national economy?",
  ["國民經濟中不可或缺的“毛細血管”"], [["毛細血管", "毛细血管", "capillar"]])
A("en", "xl", D2, "When did the Central Economic Work Conference stress merging technological and industrial innovation?",
  ["2024年12月,習近平總書記在中央經濟工作會議上"],
  [["2024年12月", "December 2024", "Dec 2024", "Dec. 2024", "2024-12"]])
A("en", "xl", D2, "According to disruptive innovation theory as summarised in the article, how do new technologies overturn existing markets?",
  ["簡化產品功能、降低價格或開拓新市場"], [["價格", "价格", "price", "cheap"], ["新市場", "新市场", "new market"]])
A("en", "xl", D2, "Which carmaker is given as an example of data-driven innovation using millions of vehicles' driving data?",
  ["特斯拉通過百萬級車輛行駛數據"], [["特斯拉", "Tesla"]])
A("en", "xl", D2, "In humanoid robotics, which core components do SRDI SMEs mostly work on?",
  ["多聚焦高精度減速器、傳感器等核心零部件研發"],
  [["減速器", "减速器", "reducer", "gear"], ["傳感器", "传感器", "sensor"]])
A("en", "xl", D2, "What weaknesses in intellectual property protection hurt SRDI firms' willingness to innovate?",
  ["維權成本高、周期長", "專利侵權問題頻發"],
  [["維權", "维权", "enforc", "defend", "safeguard"], ["成本", "cost", "expensive"]])
A("en", "xl", D2, "From what analytical perspective does the article build its theoretical framework for disruptive innovation?",
  ["從“困境—突破—躍遷”視角出發"], [["躍遷", "跃迁", "leap", "transition"]])

# --------------------------------------------------------------------------
# English questions on the English documents (000, 001, 003)
# --------------------------------------------------------------------------
A("en", "same", D0, "What did Beijing deputies suggest building to help SRDI firms that could go public?",
  ["resource pool for potential listed"], [["resource pool", "资源池", "資源池"]])
A("en", "same", D0, "What mechanism was recommended to turn research results into real-world applications?",
  ["\"innovation supply chain\" mechanism"], [["innovation supply chain", "创新供应链", "創新供應鏈"]])
A("en", "same", D0, "Which outlet published the Two Sessions piece on turning little giants into real giants, and on what date?",
  ["Bei Ke Cai Jing· 2026-01-27"], [["Bei Ke", "贝壳", "貝殼"], ["2026-01-27", "January 27", "27 January", "Jan 27", "Jan. 27", "1月27日"]])
A("en", "same", D1, "What kinds of local support for SRDI companies have cities and counties rolled out?",
  ["low-interest loans", "financial subsidies"],
  [["low-interest", "low interest", "低息"], ["subsid", "补贴", "補貼"]])
A("en", "same", D1, "In which areas did the Government Work Report promise strong backing for SRDI firms?",
  ["support in terms of funds, talents", "incubation platform construction"],
  [["fund", "资金", "資金"], ["talent", "人才"], ["incubat", "孵化"]])
A("en", "same", D1, "What shortcomings did Chinese firms develop under the old scale-first growth model?",
  ["independent intellectual property rights", "low brand premiums"],
  [["intellectual property", "知识产权", "知識產權"], ["brand", "品牌"]])
A("en", "same", D3, "How many SMEs will next year's batch of digital-transformation pilot cities support?",
  ["more than 40000 small and medium-sized"], [["40000", "40,000", "4万", "4萬"]])
A("en", "same", D3, "Which new fields and tracks will MIIT target when laying out future industries for unicorns?",
  ["atomic level manufacturing", "brain computer interfaces, and 6G"],
  [["atomic", "原子级", "原子級"], ["brain", "脑机", "腦機"], ["6G"]])
A("en", "same", D3, "What share of last year's newly added unicorns came from hard-tech fields?",
  ["more than half came from hard technology"], [["half", "一半", "半数", "半數"]])
A("en", "same", D3, "How many industrial projects are under construction, and how much investment should they drive over three years?",
  ["36000 projects under construction", "investment of over 11 trillion yuan"],
  [["36000", "36,000", "3.6万", "3.6萬"], ["11 trillion", "11万亿", "11萬億"]])
A("en", "same", D3, "Which agencies sent officials to the State Council Information Office briefing on helping enterprises?",
  ["the Ministry of Justice", "Administration for Market Regulation"],
  [["Justice", "司法部"], ["Market Regulation", "市场监管", "市場監管"]])
A("en", "same", D3, "What is MIIT's full-cycle cultivation system for SRDI SMEs called?",
  ["seed selection, seedling cultivation"], [["seed", "选种", "選種", "种子", "種子"]])
A("en", "same", D3, "How many e-bike makers are on the list of companies meeting the regulatory conditions?",
  ["31 electric bicycle enterprises"], [["31"]])
A("en", "same", D3, "How many globally recognised brands will the first batch of the Chinese consumer goods matrix include?",
  ["first batch of 100 high-quality brands"], [["100"]])
A("en", "same", D3, "What IP services are promised to qualified SRDI SMEs under the patent industrialisation plan?",
  ["rapid pre-approval and certification"], [["pre-approval", "preapproval", "预审", "預審"]])

# --------------------------------------------------------------------------
# Simplified Chinese questions
# --------------------------------------------------------------------------
A("zh", "same", D4, "2024年底，深圳小巨人总数离北京还差多少家？",
  ["总量距北京仅相差10家"], [["10"]])
A("zh", "same", D4, "北京和深圳小巨人增长格局的新变化被概括成哪四个字？",
  ["逐渐呈现“南快北缓”的新态势"], [["南快北缓", "南快北緩"]])
A("zh", "same", D4, "在北京，国家高新技术企业要成为创新型中小企业需要经过评审吗？",
  ["国家高新技术企业只需申报即可直通创新型中小企业"], [["申报", "申報", "直通"]])
A("zh", "same", D4, "北京第二梯队的朝阳区和昌平区一共有几家小巨人？",
  ["第二梯队的朝阳、昌平两区仅有190家"], [["190"]])
A("zh", "same", D4, "北京在硬制造领域的小巨人比深圳少了多少家？",
  ["数量较深圳少77家"], [["77"]])
A("zh", "same", D4, "北京上市的小巨人中，在创业板和沪市主板的分别有几家？",
  ["深交所创业板23家，上交所主板12家"], [["23"], ["12"]])
A("zh", "same", D4, "深圳上市小巨人里有多少家在科创板？",
  ["上交所科创板35家，深交所主板12家"], [["35"]])
A("zh", "same", D4, "研究建议北京落实哪个培育工程来推动企业规上市？",
  ["落实“千帆百舸”培育工程"], [["千帆百舸"]])
A("zh", "same", D4, "文中“小巨人”企业的年度增量是怎么算的？",
  ["企业增量=当年总量-上年总量"], [["上年总量", "上年總量", "上一年"]])
A("zh", "same", D4, "北京哪几个外围区被建议承接中心城区外溢的企业？",
  ["建议通州、大兴和顺义等第三梯队的外围辖区"], [["通州"], ["大兴", "大興"], ["顺义", "順義"]])
A("zh", "same", D4, "北京朝阳、昌平这一梯队跟海淀、经开区差了多少家小巨人？",
  ["与第一梯队差距高达四百余家"], [["四百余", "四百多", "400"]])
A("zh", "same", D4, "深圳2025年那306家小巨人是累计总数还是当年新增？",
  ["2025年深圳增量306家，实现总量反超"], [["增量", "新增"]])
A("zh", "same", D4, "北京发展高端制造有什么独特的资源优势？",
  ["其拥有全国最密集的科研院所和央企总部"], [["科研院所"], ["央企"]])
A("zh", "same", D4, "2019到2022年，北京和深圳哪个城市的小巨人总量和增量都领先？",
  ["北京凭借自身发展优势，无论总量还是增量"], [["北京"]])
A("zh", "xhant", D2, "截至2024年底，全国省级专精特新中小企业有多少家？",
  ["省級專精特新中小企業超14.1萬家"], [["14.1萬", "14.1万", "141000", "141,000"]])
A("zh", "xhant", D2, "2022年哪份文件搭起了创新型中小企业、专精特新中小企业、小巨人三级梯度培育体系？",
  ["《優質中小企業梯度培育管理暫行辦法》"],
  [["梯度培育管理暫行辦法", "梯度培育管理暂行办法"]])
A("zh", "xhant", D2, "文章主张大企业和中小企业之间形成怎样的协同创新模式？",
  ["“大企業出題、小企業答題”的協同創新模式"], [["出題", "出题"], ["答題", "答题"]])
A("zh", "xhant", D2, "颠覆式创新那篇文章的作者张雷在哪个单位工作？",
  ["張雷,中國工信出版傳媒集團華信研究院"], [["華信研究院", "华信研究院"]])
A("zh", "xhant", D2, "“专精特新”四个字分别代表企业的哪些特征？",
  ["具備“專業化、精細化、特色化、新穎化”特征的中小企業"],
  [["专业化", "專業化"], ["精细化", "精細化"], ["特色化"], ["新颖化", "新穎化"]])
A("zh", "xhant", D2, "专精特新企业颠覆式创新的“三维跃迁”包括哪三个方面？",
  ["技術代際跨越、價值鏈重構與生態位重塑的三維躍遷"],
  [["代际跨越", "代際跨越"], ["价值链重构", "價值鏈重構"], ["生态位重塑", "生態位重塑"]])
A("zh", "xhant", D2, "在新型储能领域，企业可以借助什么技术做电池全生命周期管理？",
  ["構建數字孿生系統", "實現電池全生命周期管理與預測性維護"], [["数字孪生", "數字孿生"]])
A("zh", "xhant", D2, "颠覆式创新理论给专精特新中小企业开辟了一条什么样的赛道？",
  ["一條“換道超車”的嶄新賽道"], [["换道超车", "換道超車"]])
A("zh", "xen", D0, "按两会报道，到2025年底北京累计认定的专精特新企业总共有多少家？",
  ["a total of 11,062 specialized"], [["11062", "11,062", "1.1062万", "1.1062萬"]])
A("zh", "xen", D0, "代表们建议发展资金的决策机制怎么改？",
  ["multi-dimensional decision-making system", "prioritize strategic value"],
  [["多维", "多維", "multi-dimensional", "multidimensional"], ["战略价值", "戰略價值", "strategic value"]])
A("zh", "xen", D1, "“十四五”促进中小企业发展规划提出要推动形成多少家创新型中小企业？",
  ["promote the formation of 1 million"], [["100万", "100萬", "一百万", "1 million", "1000000"]])
A("zh", "xen", D1, "培育专精特新“小巨人”是在哪一年上升到中办、国办层面的？",
  ["In 2019, cultivating", "the Central Office and the State Office"], [["2019"]])
A("zh", "xen", D1, "那篇讲“专精特新为何是国家战略”的英文文章是什么时候发布的？",
  ["Published on 08/27/2022"],
  [["2022"], ["8月27", "08/27", "8/27", "August 27", "Aug 27", "27 August", "2022-08-27"]])
A("zh", "xen", D3, "2024年10月国新办发布会上，谈专精特新企业培育的是哪位工信部领导？",
  ["Wang Jiangping, Deputy Minister"], [["王江平", "Wang Jiangping"]])
A("zh", "xen", D3, "第二批中小企业数字化转型试点城市，地方政府投了多少钱？",
  ["invested over 12 billion yuan"], [["120亿", "120億", "12 billion", "12000000000"]])
A("zh", "xen", D3, "近年来哪些城市的独角兽企业数量逐步增加，呈现多极化发展？",
  ["Chongqing, Tianjin, Chengdu"], [["重庆", "重慶", "Chongqing"], ["成都", "Chengdu"], ["天津", "Tianjin"]])
A("zh", "xen", D3, "工信部要和北京证券交易所签什么协议？",
  ["strategic cooperation agreement"], [["战略合作", "戰略合作", "strategic cooperation"]])
A("zh", "xen", D3, "地方政府在哪些生活保障方面给专精特新企业人才提供专项支持？",
  ["talent settlement, housing", "children's education"],
  [["落户", "落戶", "settlement"], ["住房", "housing"], ["子女", "children"]])
A("zh", "xen", D3, "工信部支持独角兽企业的第一条措施是什么？",
  ["national and provincial linkage unicorn"], [["联动", "聯動", "linkage"]])

# --------------------------------------------------------------------------
# Traditional Chinese questions
# --------------------------------------------------------------------------
A("zh-Hant", "xsim", D4, "2025年深圳實現總量反超後，「小巨人」比北京多了幾家？",
  ["整体较北京多117家"], [["117"]])
A("zh-Hant", "xsim", D4, "深圳龍華區和龍崗區加起來有多少家小巨人企業？",
  ["龙华与龙岗两区紧随其后，共培育350家"], [["350"]])
A("zh-Hant", "xsim", D4, "深圳有哪兩個新能源汽車產業基地？",
  ["深圳依托坪山、深汕两大新能源汽车产业基地"], [["坪山"], ["深汕"]])
A("zh-Hant", "xsim", D4, "深圳已經上市的專精特新「小巨人」有多少家？",
  ["深圳有104家已上市"], [["104"]])
A("zh-Hant", "xsim", D4, "深圳上市小巨人中，電子信息、半導體、智能硬件等領域占比多少？",
  ["智能硬件等领域占比超40%"], [["40%"]])
A("zh-Hant", "xsim", D4, "研究建議海淀區和經開區重點培育什麼規模的小巨人領軍企業？",
  ["可聚焦百亿级“小巨人”领军企业的培育"], [["百亿", "百億"]])
A("zh-Hant", "xsim", D4, "北京對標深圳研究的第一作者任媛是什麼職稱？",
  ["初级经济师, 从事宏观经济"], [["初级经济师", "初級經濟師"]])
A("zh-Hant", "xsim", D4, "北京的小巨人上市，哪個交易所已經成為主陣地？",
  ["北交所作为专精特新企业的主阵地已成型"], [["北交所", "北京证券交易所", "北京證券交易所"]])
A("zh-Hant", "xsim", D4, "研究建議龍頭企業和專精特新企業共同建設什麼平台？",
  ["支持龙头企业联合专精特新企业共建中试验证平台"], [["中试", "中試"]])
A("zh-Hant", "xsim", D4, "北京小巨人增長動能不足是從哪一年開始顯現的？",
  ["但自2023年起增长动能不足的问题逐渐显现"], [["2023"]])
A("zh-Hant", "same", D2, "北交所為哪類企業開闢了專屬融資通道？",
  ["北交所為創新型中小企業開辟專屬融資通道"], [["創新型", "创新型"]])
A("zh-Hant", "same", D2, "文章提到國家中小企業發展基金可以發揮什麼作用？",
  ["發揮北交所與國家中小企業發展基金的作用", "為融通創新提供資金支持"],
  [["融通創新", "融通创新", "資金支持", "资金支持"]])
A("zh-Hant", "same", D2, "哪些未來產業為專精特新中小企業帶來廣闊市場空間？",
  ["低空經濟、量子信息、人形機器人等未來產業"],
  [["低空經濟", "低空经济"], ["量子信息"], ["人形機器人", "人形机器人"]])
A("zh-Hant", "same", D2, "在創新瓶頸層，專精特新中小企業面臨哪幾類結構性困境？",
  ["深陷資源約束、能力缺口和生態短板等多重結構性困境"],
  [["資源約束", "资源约束"], ["能力缺口"], ["生態短板", "生态短板"]])
A("zh-Hant", "same", D2, "人工智能和生物技術交叉催生了哪個新興領域？",
  ["人工智能與生物技術交叉催生合成生物學"], [["合成生物學", "合成生物学"]])
A("zh-Hant", "same", D2, "國家靠哪些手段來降低企業的創新成本？",
  ["國家通過財政補貼、稅收優惠等措施"], [["財政補貼", "财政补贴"], ["稅收優惠", "税收优惠"]])
A("zh-Hant", "same", D2, "《專精特新中小企業加快顛覆式創新的困境和突破路徑》是哪天、由哪裡發布的？",
  ["來源:高新院 achie.org 日期:2025-10-22"],
  [["2025-10-22", "2025年10月22日"], ["高新院", "achie"]])
A("zh-Hant", "same", D2, "顛覆式創新研發周期長、風險高，讓中小企業陷入什麼融資困境？",
  ["使其面臨融資難、融資貴的困境"], [["融資難", "融资难"], ["融資貴", "融资贵"]])
A("zh-Hant", "xen", D0, "北京很多創新企業上市時為何承受外部資本壓力？",
  ["due to their early-stage losses"], [["虧損", "亏损", "loss"]])
A("zh-Hant", "xen", D1, "「十四五」中小企業發展規劃要培育多少家專精特新「小巨人」企業？",
  ["and 10,000 specialized"], [["10000", "10,000", "1萬", "1万", "一萬", "一万"]])
A("zh-Hant", "xen", D1, "各地政府工作目標中一共提到「專精特新」幾次？",
  ["was mentioned 51 times"], [["51"]])
A("zh-Hant", "xen", D3, "透過專項再貸款，工信部支持了多少家小巨人做技術改造和設備更新？",
  ["over 1100 \"little giant\" enterprises"], [["1100", "1,100"]])
A("zh-Hant", "xen", D3, "已簽約的技術改造再貸款有多少億元要加快投放？",
  ["150 billion yuan of signed re loans"], [["1500億", "1500亿", "150 billion"]])
A("zh-Hant", "xen", D3, "第三批區域性股權市場「專精特新」專板是工信部和哪個部門一起推出的？",
  ["China Securities Regulatory Commission"], [["證監會", "证监会", "China Securities Regulatory Commission", "CSRC"]])
A("zh-Hant", "xen", D3, "發布會上是哪家媒體的記者問起專精特新中小企業培育措施？",
  ["Jimu News reporter"], [["極目", "极目", "Jimu"]])

# list / scope questions added in review
A("zh-Hant", "xen", D3, "「小巨人」企業在技術創新方面能得到國家哪些支持？",
  ["financial support to over 1000 key", "directory of pilot service resources"],
  [["財政", "财政", "financial", "fiscal"],
   ["再貸款", "再贷款", "refinanc", "技術改造", "技术改造", "設備更新", "设备更新", "equipment",
    "中試", "中试", "pilot", "專利", "专利", "patent"]])
A("zh", "same", D4, "对现有的小巨人企业，北京应从哪些方面推动它们做大做强？",
  ["一是分层次引导企业“小升规、规上市”", "二是聚焦“高精尖”产业发展"],
  [["小升规", "小升規"], ["规上市", "規上市"], ["高精尖"]])
A("en", "same", D4, "Is Beijing's figure of 1,214 little giants the number recognised in a single year?",
  ["北京虽已累计认定1214家国家级", "has recognized 1,214 SRDI enterprises"],
  [["累计", "累計", "cumulative", "in total", "to date", "so far", "altogether", "all years"]])

# --------------------------------------------------------------------------
# Unanswerable near-misses and off-topic questions
# --------------------------------------------------------------------------
for q in [
    "What is the R&D spending share of Shanghai's little giants?",
    "How many national-level little giant enterprises does Hangzhou have?",
    "How many little giants in Chengdu are publicly listed?",
    "How many innovative SMEs did Wuhan have at the end of 2025?",
    "What is the combined annual revenue of Beijing's little giant enterprises?",
    "How many people do China's little giant enterprises employ in total?",
    "What share of Shenzhen's little giants are in software and information technology services?",
    "How many little giants are located in Haidian District alone?",
    "How much central funding went to the first batch of SME digital transformation pilot cities?",
    "How many national high-tech enterprises did Shenzhen have at the end of 2024?",
    "How many unicorn companies are there in Hangzhou?",
    "How many little giants did Beijing add in 2026?",
    "How much subsidy does each little giant receive from the central budget?",
    "What interest rate do the low-interest loans for SRDI firms carry?",
    "How many national manufacturing single champions did China have at the end of 2022?",
    "What share of Zhejiang's little giants work in new materials?",
    "How many Shenzhen little giants were on MIIT's eighth batch list?",
    "What is Unitree Robotics' latest valuation?",
    "Who won the 2022 FIFA World Cup?",
    "How many hard-manufacturing little giants does Guangzhou have?",
    "What targets does the 15th Five-Year Plan set for little giant enterprises?",
    "How many Beijing companies were on MIIT's seventh published little giant list?",
]:
    U("en", q)
for q in [
    "温州有多少家国家级小巨人企业？",
    "杭州累计培育了多少家专精特新“小巨人”企业？",
    "截至2025年底，上海的创新型中小企业有多少家？",
    "成都市的专精特新中小企业有多少家？",
    "北京小巨人企业的平均研发投入强度是多少？",
    "龙岗区单独有多少家小巨人企业？",
    "2020年深圳新增了多少家小巨人企业？",
    "截至2023年底，全国专精特新“小巨人”企业有多少家？",
    "全国小巨人企业的营业收入总额是多少？",
    "深圳的小巨人企业中，“硬制造”行业占比是多少？",
    "第二批中小企业数字化转型试点城市具体是哪些城市？",
    "小巨人企业研发费用加计扣除比例是多少？",
    "江苏省级专精特新中小企业有多少家？",
    "天津有多少家独角兽企业？",
    "武汉的小巨人企业有多少家已经上市？",
    "2024年北京新增了多少家小巨人企业？",
    "截至2025年底，北京的国家高新技术企业有多少家？",
    "截至2024年底，深圳的创新型中小企业有多少家？",
    "怎么注册一家香港公司？",
    "国家级制造业单项冠军里北京有多少家？",
    "通州区单独有多少家“小巨人”企业？",
]:
    U("zh", q)
for q in [
    "上海有多少家專精特新中小企業？",
    "寧波有多少家國家級「小巨人」企業？",
    "廣州市的創新型中小企業有多少家？",
    "截至2023年底，國家級製造業單項冠軍有多少家？",
    "宇樹科技的總部設在哪個城市？",
    "專精特新「小巨人」企業的平均營業收入是多少？",
    "台灣有多少家專精特新企業？",
    "深圳市有多少家國家高新技術企業？",
    "2023年北京有多少家「小巨人」企業新上市？",
    "今天台北的天氣如何？",
    "南京有多少家專精特新「小巨人」企業？",
    "成都的「小巨人」企業中軟件和信息技術服務業占比是多少？",
    "靈動科技是哪一年成立的？",
]:
    U("zh-Hant", q)


def main():
    rng = random.Random(20260127)
    strata = {}
    for q in Q:
        strata.setdefault((q["lang"], q["_tag"], q["source"] or ""), []).append(q)
    dev, test = [], []
    flip = 0
    for key in sorted(strata):
        items = strata[key][:]
        rng.shuffle(items)
        half = len(items) // 2
        if len(items) % 2:
            # alternate which split receives the odd item
            half += flip
            flip ^= 1
        dev += items[:half]
        test += items[half:]
    # stable order inside each split: original authoring order
    order = {id(q): i for i, q in enumerate(Q)}
    for name, rows, prefix in (("seeds-dev.jsonl", dev, "sd"), ("seeds-test.jsonl", test, "st")):
        rows.sort(key=lambda q: order[id(q)])
        path = os.path.join(HERE, "sets", name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            for i, q in enumerate(rows, 1):
                out = {"id": "%s%03d" % (prefix, i)}
                out.update({k: v for k, v in q.items() if not k.startswith("_")})
                fh.write(json.dumps(out, ensure_ascii=False) + "\n")
        print(name, len(rows))
    tags = {}
    for q in Q:
        tags[(q["lang"], q["_tag"])] = tags.get((q["lang"], q["_tag"]), 0) + 1
    for k in sorted(tags):
        print(k, tags[k])


if __name__ == "__main__":
    main()
