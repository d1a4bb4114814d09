"""The demo shop's shelves: a convenience store's products, their prices and when they sell.

Prices are what a Chinese convenience store charges (CNY, two decimals; per
kilogram for weighed fruit and vegetables). Seasons move demand: cold drinks
and ice cream in summer, dumplings and hot food in winter, liquor, sweets and
gift boxes before the Spring Festival, mooncakes only in the weeks before the
Mid-Autumn Festival.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

# Lunar festivals fall on different Gregorian dates each year.
_SPRING_FESTIVAL: Mapping[int, date] = {
    2020: date(2020, 1, 25),
    2021: date(2021, 2, 12),
    2022: date(2022, 2, 1),
    2023: date(2023, 1, 22),
    2024: date(2024, 2, 10),
    2025: date(2025, 1, 29),
    2026: date(2026, 2, 17),
    2027: date(2027, 2, 6),
    2028: date(2028, 1, 26),
    2029: date(2029, 2, 13),
    2030: date(2030, 2, 3),
    2031: date(2031, 1, 23),
    2032: date(2032, 2, 11),
    2033: date(2033, 1, 31),
    2034: date(2034, 2, 19),
    2035: date(2035, 2, 8),
}
_MID_AUTUMN: Mapping[int, date] = {
    2020: date(2020, 10, 1),
    2021: date(2021, 9, 21),
    2022: date(2022, 9, 10),
    2023: date(2023, 9, 29),
    2024: date(2024, 9, 17),
    2025: date(2025, 10, 6),
    2026: date(2026, 9, 25),
    2027: date(2027, 9, 15),
    2028: date(2028, 10, 3),
    2029: date(2029, 9, 22),
    2030: date(2030, 9, 12),
    2031: date(2031, 10, 1),
    2032: date(2032, 9, 19),
    2033: date(2033, 9, 8),
    2034: date(2034, 9, 27),
    2035: date(2035, 9, 16),
}
SPRING_FESTIVAL_RUN_UP = 21  # days of New Year shopping (年货) before the festival
MOONCAKE_SEASON = 28  # days mooncakes are on the shelf before the Mid-Autumn Festival


def spring_festival(year: int) -> date:
    """Chinese New Year's day (正月初一) of a Gregorian year (early February outside the table)."""
    return _SPRING_FESTIVAL.get(year, date(year, 2, 5))


def mid_autumn(year: int) -> date:
    """The Mid-Autumn Festival (八月十五) of a Gregorian year (late September outside the table)."""
    return _MID_AUTUMN.get(year, date(year, 9, 20))


def in_spring_festival_run_up(day: date) -> bool:
    """Whether people are doing their New Year shopping on ``day``."""
    festival = spring_festival(day.year)
    return festival - timedelta(days=SPRING_FESTIVAL_RUN_UP) <= day < festival


def in_spring_festival_holiday(day: date) -> bool:
    """The first week of the New Year, when many people are away visiting family."""
    festival = spring_festival(day.year)
    return festival <= day < festival + timedelta(days=7)


def in_mooncake_season(day: date) -> bool:
    """Whether mooncakes are on the shelf on ``day``."""
    festival = mid_autumn(day.year)
    return festival - timedelta(days=MOONCAKE_SEASON) <= day <= festival


@dataclass(frozen=True)
class Product:
    """A product on the shelf: barcode, name, category, unit price (per kg when weighed), season."""

    sku: str
    name: str
    category: str
    price: str
    popularity: float
    season: str | None = None  # summer | winter | spring_festival | lantern | mid_autumn
    weighed: bool = False


# Each category's products, best sellers first: name | price | season | "kg" when weighed.
_SHELVES = """
[drinks]
农夫山泉饮用天然水 550ml|2.00
可口可乐 330ml|3.00|summer
康师傅冰红茶 500ml|3.50|summer
怡宝纯净水 555ml|2.00
东方树叶乌龙茶 500ml|5.00
元气森林白桃苏打气泡水 480ml|5.50|summer
红牛维生素功能饮料 250ml|6.00
东鹏特饮 500ml|5.00
百事可乐 500ml|3.50|summer
雪碧 500ml|3.50|summer
王老吉凉茶 310ml|4.50
脉动青柠味 600ml|4.50|summer
统一阿萨姆奶茶 500ml|4.50|winter
康师傅绿茶 500ml|3.50|summer
维他柠檬茶 250ml|4.00|summer
雀巢咖啡丝滑拿铁 268ml|7.00
三得利乌龙茶 500ml|5.50
百岁山天然矿泉水 570ml|3.00
美汁源果粒橙 420ml|4.00
椰树椰汁 245ml|4.50
六个核桃 240ml|5.00|winter
芬达橙味汽水 500ml|3.50|summer
味全每日C橙汁 300ml|7.50
星巴克星冰乐 281ml|10.00|summer
农夫果园混合果蔬汁 500ml|5.00
冰露纯净水 550ml|1.50|summer
可口可乐 2L|8.50
怡宝纯净水 4.5L|9.90
娃哈哈AD钙奶 220g*4|9.80
[alcohol]
青岛啤酒经典 500ml|5.50|summer
雪花勇闯天涯 500ml|4.50|summer
百威啤酒 500ml|6.50|summer
哈尔滨冰纯啤酒 500ml|5.00|summer
青岛啤酒 330ml*6|25.00|summer
燕京U8啤酒 500ml|6.00|summer
RIO微醺鸡尾酒 330ml|8.50|summer
红星二锅头 100ml|6.00|winter
江小白 100ml|20.00
牛栏山陈酿 500ml|15.00|winter
张裕干红葡萄酒 750ml|68.00|spring_festival
洋河海之蓝 520ml|158.00|spring_festival
泸州老窖特曲 500ml|298.00|spring_festival
[snacks]
乐事薯片原味 70g|7.50
卫龙大面筋 102g|5.00
奥利奥原味夹心饼干 116g|9.90
德芙丝滑牛奶巧克力 43g|10.90
士力架花生夹心巧克力 51g|5.50
绿箭口香糖 5片|2.50
洽洽香瓜子 160g|8.90
旺旺雪饼 84g|6.50
乐事薯片黄瓜味 70g|7.50
三只松鼠每日坚果 25g|4.90
好丽友派 6枚|12.80
益达木糖醇口香糖 40粒|10.00
可比克薯片 60g|5.50
卫龙魔芋爽 180g|12.90
旺仔QQ糖 70g|3.50
上好佳鲜虾片 40g|3.50
溜溜梅 160g|9.90
良品铺子猪肉脯 100g|19.90
旺旺仙贝 52g|5.50
周黑鸭鸭脖 200g|25.90
劲仔小鱼 12g*10|10.00
甘源蟹黄味瓜子仁 75g|6.90
亲亲虾条 40g|3.00
大白兔奶糖 114g|9.90|spring_festival
徐福记酥心糖 500g|35.90|spring_festival
旺旺大礼包 520g|49.90|spring_festival
坚果年货礼盒 1.2kg|88.00|spring_festival
[instant]
康师傅红烧牛肉面 桶装|5.00|winter
统一老坛酸菜牛肉面 桶装|5.00|winter
双汇王中王火腿肠 40g|2.00
合味道海鲜风味杯面|6.50
今麦郎一桶半|5.00
乌江涪陵榨菜 80g|2.50
康师傅红烧牛肉面 5连包|14.50
白象汤好喝老母鸡汤面|6.00
好欢螺螺蛳粉 400g|13.90
老干妈风味豆豉 280g|10.50
海底捞自热小火锅|29.90|winter
金锣火腿肠 10支|12.90
梅林午餐肉罐头 340g|19.90
日清出前一丁 100g|7.50
[dairy]
蒙牛纯牛奶 250ml|3.50
伊利纯牛奶 250ml|3.50
安慕希原味酸奶 205g|6.00
光明鲜牛奶 950ml|13.50
特仑苏纯牛奶 250ml|6.00
养乐多 100ml*5|12.50
纯甄风味酸牛奶 200g|5.50
旺仔牛奶 245ml|5.00|winter
伊利优酸乳 250ml|3.00
君乐宝简醇酸奶 150g|5.00
光明优倍鲜牛奶 450ml|8.50
伊利纯牛奶 250ml*12|39.90
蒙牛真果粒 250ml|4.00
卡士酸奶 120g|7.50
伊利QQ星儿童奶 125ml*4|12.00
[bakery]
桃李天然酵母面包 75g|3.50
鲜切三明治 火腿鸡蛋|9.90
桃李醇熟切片面包 400g|9.90
肉松面包|7.50
牛角包|6.50
达利园蛋黄派 12枚|15.90
盼盼法式小面包 200g|9.90
宾堡全麦吐司 400g|12.90
葡式蛋挞 2枚|8.00
奶油泡芙 4枚|8.90
港荣蒸蛋糕 480g|18.80
达利园法式软面包 360g|12.90
老婆饼 4枚|10.00
味多美奶酪包|9.00
[fresh]
饭团 金枪鱼|6.50
茶叶蛋|2.00
香蕉|6.98||kg
鲜肉大包|3.00
豆浆 400ml|3.50
饭团 照烧鸡肉|6.50
便当 宫保鸡丁饭|16.90
红富士苹果|11.98||kg
便当 红烧肉饭|18.90
烤肠|4.00
关东煮 五串|8.00|winter
土鸡蛋 10枚|15.90
西红柿|6.58||kg
黄瓜|5.98||kg
玉米棒|4.00
鲜切水果杯|12.90|summer
砂糖橘|9.98|winter|kg
西瓜|3.98|summer|kg
葡萄|15.98|summer|kg
豆腐 400g|4.50
鲜鸡蛋 30枚|29.90
[frozen]
伊利巧乐兹|5.00|summer
和路雪可爱多甜筒|6.00|summer
蒙牛随变|4.00|summer
东北大板|3.50|summer
伊利冰工厂|2.50|summer
梦龙香草冰淇淋|12.00|summer
雀巢笨NANA|5.00|summer
钟薛高丝绒可可|15.00|summer
思念猪肉白菜水饺 500g|17.90|winter
湾仔码头三鲜水饺 720g|36.90|winter
安井鱼丸 250g|11.90|winter
三全黑芝麻汤圆 400g|12.90|lantern
思念花生汤圆 500g|13.90|lantern
[household]
心相印手帕纸 10包|9.90
维达抽纸 3包|12.90
一次性打火机|2.00
南孚5号电池 2粒|9.90
垃圾袋 3卷|6.90
清风卷纸 10卷|24.90
立白洗洁精 1.12kg|11.90
南孚7号电池 2粒|9.90
保鲜膜 30m|12.90
蓝月亮洗衣液 3kg|49.90
84消毒液 1.2kg|9.90
威猛先生厨房清洁剂 500g|19.90
手机数据线 1m|25.00
晴雨伞|35.00
蚊香 40盘|15.90|summer
春联福字套装|19.90|spring_festival
红包 6个装|5.00|spring_festival
[personal_care]
一次性医用口罩 10只|9.90
邦迪创可贴 10片|5.00
心相印湿巾 80片|12.90
高露洁全面防蛀牙膏 140g|12.90
舒肤佳香皂 115g|5.90
护舒宝卫生巾 10片|15.90
六神花露水 195ml|13.90|summer
佳洁士美白牙膏 180g|15.90
黑人牙膏 140g|13.90
海飞丝去屑洗发水 400ml|49.90
潘婷洗发露 400ml|45.90
吉列威锋剃须刀|29.90
曼秀雷敦润唇膏|22.00|winter
大宝SOD蜜 200ml|19.90|winter
[tobacco]
红塔山(经典)|10.00
云烟(紫)|11.00
玉溪(软)|23.00
南京(红)|12.00
利群(新版)|17.00
中华(硬)|45.00
黄鹤楼(软蓝)|19.00
芙蓉王(硬)|25.00
双喜(硬)|6.50
白沙(硬)|5.00
中华(软)|65.00
苏烟(金砂)|32.00
中华(硬) 条装|450.00|spring_festival
[gift_card]
好邻居购物卡 100元|100.00
好邻居购物卡 200元|200.00|spring_festival
[mooncake]
五仁月饼 100g|6.50|mid_autumn
豆沙月饼 100g|5.50|mid_autumn
广式莲蓉蛋黄月饼礼盒 6枚|128.00|mid_autumn
冰皮月饼 4枚|58.00|mid_autumn
稻香村月饼礼盒|168.00|mid_autumn
"""


def _ean13(body: str) -> str:
    """A 12-digit body with its EAN-13 check digit."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


def _sku(category: str, name: str, weighed: bool) -> str:
    if category == "gift_card":
        return "GC" + "".join(ch for ch in name if ch.isdigit())
    if weighed:  # in-store codes for produce sold by weight
        return f"2{zlib.crc32(name.encode()) % 100_000:05d}"
    # 690–699 is China's GS1 prefix; the rest is stable per product name.
    return _ean13(f"69{zlib.crc32(name.encode()) % 10**10:010d}")


def _shelves(text: str) -> tuple[Product, ...]:
    products: list[Product] = []
    category = ""
    rank = 0
    for raw in text.strip().splitlines():
        line = raw.strip()
        if line.startswith("["):
            category, rank = line.strip("[]"), 0
            continue
        name, price, *rest = line.split("|")
        season = rest[0] if rest and rest[0] else None
        weighed = len(rest) > 1 and rest[1] == "kg"
        rank += 1
        products.append(
            Product(
                sku=_sku(category, name, weighed),
                name=name,
                category=category,
                price=price,
                popularity=1 / rank**0.8,  # a few best sellers, a long tail
                season=season,
                weighed=weighed,
            )
        )
    return tuple(products)


CATALOGUE: tuple[Product, ...] = _shelves(_SHELVES)
CATEGORIES: tuple[str, ...] = tuple(dict.fromkeys(p.category for p in CATALOGUE))

# How much of each category sells per month (January first), before festivals.
_CATEGORY_MONTHS: Mapping[str, tuple[float, ...]] = {
    "drinks": (0.75, 0.75, 0.85, 1.0, 1.25, 1.6, 1.9, 1.9, 1.4, 1.0, 0.8, 0.75),
    "alcohol": (1.3, 1.2, 0.9, 0.9, 1.0, 1.3, 1.5, 1.5, 1.1, 1.0, 0.9, 1.1),
    "frozen": (0.8, 0.8, 0.8, 0.9, 1.2, 1.6, 1.9, 1.9, 1.2, 0.9, 0.8, 0.8),
    "instant": (1.3, 1.2, 1.1, 1.0, 0.9, 0.8, 0.8, 0.8, 0.9, 1.0, 1.2, 1.3),
    "fresh": (1.0, 1.0, 1.0, 1.0, 1.1, 1.2, 1.2, 1.2, 1.1, 1.0, 1.0, 1.0),
}
_SEASON_MONTHS: Mapping[str, tuple[float, ...]] = {
    "summer": (0.4, 0.4, 0.6, 0.9, 1.4, 2.0, 2.4, 2.4, 1.4, 0.8, 0.5, 0.4),
    "winter": (1.8, 1.7, 1.3, 0.9, 0.6, 0.4, 0.4, 0.4, 0.6, 1.0, 1.4, 1.8),
}


def category_factor(category: str, day: date) -> float:
    """How well a category sells on ``day`` compared with an ordinary day."""
    factor = _CATEGORY_MONTHS.get(category, (1.0,) * 12)[day.month - 1]
    if category == "alcohol" and in_spring_festival_run_up(day):
        factor *= 2.5
    if category == "mooncake":
        factor = 3.0 if in_mooncake_season(day) else 0.0
    return factor


def season_factor(product: Product, day: date) -> float:
    """How well a product sells on ``day`` compared with its ordinary days (0: not on the shelf)."""
    season = product.season
    if season is None:
        return 1.0
    if season in _SEASON_MONTHS:
        return _SEASON_MONTHS[season][day.month - 1]
    if season == "mid_autumn":
        return 1.0 if in_mooncake_season(day) else 0.0
    if season == "spring_festival":
        return 6.0 if in_spring_festival_run_up(day) else 0.15
    # lantern: sweet dumplings (汤圆) all winter, most of all up to the Lantern Festival
    festival = spring_festival(day.year)
    if festival - timedelta(days=10) <= day <= festival + timedelta(days=15):
        return 4.0
    return 1.0 if day.month in (11, 12, 1, 2) else 0.3
