#!/usr/bin/env python3
"""Builds eval/facts/gold.jsonl: figures stated in the five corpus documents.

value conventions: 1.46万 -> 14600, 14.1萬 -> 141000, 12 billion -> 12000000000,
60% -> 60 (unit "%"), 六成 -> 0.6 (unit "share").  "超/over/more than/不足" bounds
are recorded with the bound itself as value (the quote shows the qualifier).
unit: 家 for enterprise counts (all languages), 元/yuan for money (as in the
document), % for percent numbers, share for share words, others as named.
~30% of rows (random, fixed seed) are marked split=dev, the rest test.
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

G = [
    # 000 (en) Beijing Two Sessions, 2026-01-27
    (D0, "北京", "SRDI enterprises recognised (cumulative, by end of 2025)", 11062, "家", "a total of 11,062 specialized"),
    (D0, "北京", "national little giants (cumulative)", 1214, "家", "1,214 national-level"),
    (D0, "北京", "listed SRDI enterprises", 172, "家", "172 listed specialized and innovative"),
    # 001 (en) 2022-08-27
    (D1, "全国", "14th Five-Year SME plan target: innovative SMEs", 1000000, "家", "promote the formation of 1 million"),
    (D1, "全国", "14th Five-Year SME plan target: SRDI SMEs", 100000, "家", "100,000 “specialized, specialized and new”"),
    (D1, "全国", "14th Five-Year SME plan target: little giants", 10000, "家", "and 10,000 specialized"),
    (D1, "全国", "mentions of SRDI in local government work goals", 51, "times", "was mentioned 51 times"),
    (D1, "全国", "provinces/regions/municipalities naming SRDI in government work reports", 29, "provinces", "29 provinces, autonomous regions"),
    # 003 (en) MIIT at SCIO press conference, 2024-10
    (D3, "全国", "SRDI SMEs (current, Oct 2024)", 141000, "家", "there are 141000 specialized and innovative"),
    (D3, "全国", "national little giants (current, Oct 2024)", 14600, "家", "14600 specialized and innovative"),
    (D3, "全国", "key little giants getting central fiscal support this year", 1000, "家", "over 1000 key \"little giant\" enterprises"),
    (D3, "全国", "little giants supported by special refinancing for tech transformation", 1100, "家", "over 1100 \"little giant\" enterprises"),
    (D3, "全国", "central funding, 2nd batch SME digital transformation pilot cities", 2700000000, "yuan", "allocated 2.7 billion yuan in funding"),
    (D3, "全国", "local government investment, 2nd batch digital transformation pilot cities", 12000000000, "yuan", "invested over 12 billion yuan"),
    (D3, "全国", "SMEs whose digital transformation next year's pilot cities will support", 40000, "家", "more than 40000 small and medium-sized"),
    (D3, "全国", "public service institutions in the SME service network", 1780, "institutions", "more than 1780 public service institutions"),
    (D3, "全国", "share of unicorns from high-end manufacturing, consumer/retail, high-tech", 78, "%", "account for over 78%"),
    (D3, "全国", "signed re-loans for technological transformation", 150000000000, "yuan", "150 billion yuan of signed re loans"),
    (D3, "全国", "industrial projects under construction", 36000, "projects", "36000 projects under construction"),
    (D3, "全国", "investment driven by industrial projects over next three years", 11000000000000, "yuan", "investment of over 11 trillion yuan"),
    (D3, "全国", "electric bicycle enterprises meeting regulatory conditions", 31, "家", "31 electric bicycle enterprises"),
    (D3, "全国", "first batch of globally recognised high-quality consumer brands", 100, "brands", "first batch of 100 high-quality brands"),
    # 002 (zh-Hant) 高新院 2025-10-22
    (D2, "全国", "technology-based and innovative SMEs (cumulative, end of 2024)", 600000, "家", "累計培育科技和創新型中小企業超60萬家"),
    (D2, "全国", "provincial-level SRDI SMEs (end of 2024)", 141000, "家", "省級專精特新中小企業超14.1萬家"),
    (D2, "全国", "national little giants (cumulative, end of 2024)", 14600, "家", "專精特新“小巨人”企業1.46萬家"),
    (D2, "全国", "share of little giants in strategic emerging industries (end of 2024)", 0.6, "share", "超六成集中在新一代信息技術"),
    (D2, "全国", "national manufacturing single champions (end of 2024)", 1557, "家", "國家級制造業單項冠軍達1557家"),
    (D2, "全国", "little giants as share of enterprises nationwide", 1.2, "%", "企業數量僅占全國的1.2%"),
    (D2, "全国", "little giants' share of valid invention patents", 8.5, "%", "貢獻了8.5%的有效發明專利"),
    (D2, "全国", "central fiscal award and subsidy fund for little giants", 10000000000, "元", "中央財政設立百億獎補資金"),
    (D2, "全国", "tiers in the gradient cultivation system", 3, "tiers", "企業3個層次進行梯度培育"),
    # 004 (zh-Hans) Beijing vs Shenzhen study
    (D4, "北京", "national little giants (cumulative)", 1214, "家", "北京虽已累计认定1214家国家级"),
    (D4, "北京", "national ranking by cumulative little giants", 2, "rank", "1214家, 排名全国第二"),
    (D4, "深圳", "national little giants (cumulative)", 1331, "家", "深圳市累计培育1331家"),
    (D4, "深圳", "national ranking by cumulative little giants", 1, "rank", "深圳市累计培育1331家, 数量赶超北京, 跃居全国首位"),
    (D4, "深圳", "little giants yearly increment 2023", 300, "家", "2023年深圳增量300家"),
    (D4, "深圳", "2023 increment lead over Beijing's increment", 93, "家", "2023年深圳增量300家，超北京93家"),
    (D4, "深圳", "little giants yearly increment 2024", 283, "家", "2024年深圳增量283家"),
    (D4, "深圳", "gap to Beijing's cumulative total, 2024", 10, "家", "总量距北京仅相差10家"),
    (D4, "深圳", "little giants yearly increment 2025", 306, "家", "2025年深圳增量306家"),
    (D4, "深圳", "cumulative lead over Beijing after 2025", 117, "家", "整体较北京多117家"),
    (D4, "深圳", "consecutive years ranked first nationally in new little giants", 3, "years", "深圳连续三年新增"),
    (D4, "北京", "innovative SMEs (end of 2025)", 17000, "家", "北京市的创新型中小企业数量为1.7万家"),
    (D4, "深圳", "innovative SMEs (end of 2025)", 24100, "家", "深圳市为2.41万家"),
    (D4, "北京", "national high-tech enterprises (end of 2024)", 29700, "家", "北京市的国家高新技术企业为2.97万家"),
    (D4, "北京", "little giants in Haidian + Economic-Technological Development Area", 658, "家", "经开区共培育专精特新“小巨人”企业658家"),
    (D4, "北京", "Haidian + Economic-Technological Development Area share of city little giants", 54, "%", "占全市总量的54%"),
    (D4, "深圳", "little giants in Nanshan + Bao'an districts", 712, "家", "共有712家“小巨人”企业"),
    (D4, "深圳", "little giants in Longhua + Longgang districts", 350, "家", "共培育350家"),
    (D4, "北京", "little giants in Chaoyang + Changping districts", 190, "家", "两区仅有190家"),
    (D4, "北京", "gap between second-tier and first-tier districts (over 400)", 400, "家", "差距高达四百余家"),
    (D4, "北京", "little giants in Tongzhou + Daxing + Fangshan (fewer than)", 60, "家", "合计不足60家"),
    (D4, "北京", "share of little giants in software and IT services", 35, "%", "35%主要集中在软件和信息技术服务业"),
    (D4, "北京", "little giants in hard manufacturing", 331, "家", "北京市的“小巨人”企业为331家"),
    (D4, "北京", "hard-manufacturing share of little giants", 27, "%", "331家，占27%"),
    (D4, "北京", "hard-manufacturing little giants fewer than Shenzhen", 77, "家", "数量较深圳少77家"),
    (D4, "深圳", "little giants in four hardware manufacturing fields on MIIT 7th list", 122, "家", "合计122家"),
    (D4, "北京", "little giants in aerospace, medicine & health (2025)", 83, "家", "“小巨人”企业83家"),
    (D4, "北京", "aerospace, medicine & health share of little giants (less than)", 7, "%", "不足全市总量的7%"),
    (D4, "北京", "listed little giants", 110, "家", "有110家已上市"),
    (D4, "深圳", "listed little giants", 104, "家", "深圳有104家已上市"),
    (D4, "北京", "listed little giants on SSE STAR Market", 35, "家", "上交所科创板和北交所，分别为35家、30家"),
    (D4, "北京", "listed little giants on Beijing Stock Exchange", 30, "家", "分别为35家、30家"),
    (D4, "北京", "listed little giants on SZSE ChiNext", 23, "家", "深交所创业板23家"),
    (D4, "北京", "listed little giants on SSE main board", 12, "家", "上交所主板12家，深交所主板"),
    (D4, "深圳", "listed little giants on SZSE ChiNext", 42, "家", "数量达42家"),
    (D4, "深圳", "listed little giants on SSE STAR Market", 35, "家", "上交所科创板35家"),
    (D4, "深圳", "listed little giants on SZSE main board", 12, "家", "科创板35家，深交所主板12家"),
    (D4, "深圳", "listed little giants on Beijing Stock Exchange", 5, "家", "北交所5家"),
    (D4, "深圳", "listed little giants on HKEX main board", 5, "家", "港交所主板5家"),
    (D4, "深圳", "listed little giants on overseas growth boards", 1, "家", "海外创业板1家"),
    (D4, "北京", "listed little giants in software and IT services", 21, "家", "软件和信息技术服务业（21家）"),
    (D4, "北京", "listed little giants in special equipment manufacturing", 19, "家", "专用设备制造业（19家）"),
    (D4, "北京", "listed little giants in computer, communication and electronic equipment", 17, "家", "计算机通信及其他电子设备制造业（17家）"),
    (D4, "北京", "listed little giants in R&D / tech-promotion tracks (over)", 30, "家", "科创赛道合计超30家"),
    (D4, "深圳", "share of listed little giants in electronics, semiconductors, smart hardware", 40, "%", "智能硬件等领域占比超40%"),
    (D4, "北京", "proposed revenue threshold for second-tier district rewards", 50000000, "元", "年营收首次突破5000万元"),
]


def main():
    rng = random.Random(4600)
    idx = list(range(len(G)))
    dev = set(rng.sample(idx, round(len(G) * 0.3)))
    path = os.path.join(HERE, "facts", "gold.jsonl")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for i, (doc, place, metric, value, unit, quote) in enumerate(G):
            fh.write(json.dumps({"id": "f%03d" % (i + 1), "doc": doc, "place": place, "metric": metric,
                                 "value": value, "unit": unit, "quote": quote,
                                 "split": "dev" if i in dev else "test"}, ensure_ascii=False) + "\n")
    print(path, len(G), "dev", len(dev))


if __name__ == "__main__":
    main()
