package io.kisbridge.simulator.market;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The listed names of a simulated market: 57 real KRX names with codes and plausible price levels (approximate, for
 * a demo market), optionally followed by synthetic names (codes 900000 and up, seeded names, sectors and price
 * levels) for tests that need hundreds of codes. The static {@link #all()} / {@link #find} are the real names.
 */
public final class Universe {
    /** Synthetic codes are drawn from 900000–999999 (no real name of the universe lives there). */
    public static final int MAX_EXTRA_CODES = 50_000;
    private static final String[] PREFIXES = {"한빛", "대성", "미래", "동양", "새한", "태평", "한솔", "청운", "금강",
            "백두", "은하", "새벽", "누리", "가온", "다온", "한결"};
    private static final String[] ROMAN = {"Hanbit", "Daesung", "Mirae", "Dongyang", "Saehan", "Taepyung", "Hansol",
            "Cheongun", "Geumgang", "Baekdu", "Eunha", "Saebyeok", "Nuri", "Gaon", "Daon", "Hangyeol"};
    private static final String[][] SUFFIXES = {{"전자", "Electronics", "전기·전자"}, {"화학", "Chemical", "화학"},
            {"바이오", "Bio", "의약품"}, {"건설", "E&C", "건설업"}, {"제약", "Pharm", "의약품"},
            {"반도체", "Semiconductor", "반도체"}, {"산업", "Industries", "기계"}, {"식품", "Foods", "음식료품"},
            {"에너지", "Energy", "전기가스업"}, {"로보틱스", "Robotics", "기계"}, {"소재", "Materials", "비금속광물"},
            {"통신", "Telecom", "통신업"}, {"금융", "Financial", "금융업"}, {"물산", "Trading", "유통업"}};

    private static final List<Stock> STOCKS = List.of(
            s("005930", "삼성전자", "Samsung Electronics", "KOSPI", "전기·전자", 71_000, 5_969_782_550L, 100),
            s("000660", "SK하이닉스", "SK hynix", "KOSPI", "전기·전자", 178_000, 728_002_365L, 5000),
            s("373220", "LG에너지솔루션", "LG Energy Solution", "KOSPI", "전기·전자", 385_000, 234_000_000L, 500),
            s("207940", "삼성바이오로직스", "Samsung Biologics", "KOSPI", "의약품", 790_000, 71_174_000L, 2500),
            s("005380", "현대차", "Hyundai Motor", "KOSPI", "운수장비", 235_000, 209_416_191L, 5000),
            s("000270", "기아", "Kia", "KOSPI", "운수장비", 98_000, 397_672_632L, 5000),
            s("005935", "삼성전자우", "Samsung Electronics Pref", "KOSPI", "전기·전자", 58_500, 822_886_700L, 100),
            s("068270", "셀트리온", "Celltrion", "KOSPI", "의약품", 182_000, 216_000_000L, 1000),
            s("035420", "NAVER", "NAVER", "KOSPI", "서비스업", 201_000, 158_437_008L, 100),
            s("005490", "POSCO홀딩스", "POSCO Holdings", "KOSPI", "철강·금속", 398_000, 84_571_230L, 5000),
            s("051910", "LG화학", "LG Chem", "KOSPI", "화학", 352_000, 70_592_343L, 5000),
            s("006400", "삼성SDI", "Samsung SDI", "KOSPI", "전기·전자", 380_000, 68_764_530L, 5000),
            s("105560", "KB금융", "KB Financial Group", "KOSPI", "금융업", 71_500, 393_528_000L, 5000),
            s("055550", "신한지주", "Shinhan Financial Group", "KOSPI", "금융업", 46_300, 509_000_000L, 5000),
            s("035720", "카카오", "Kakao", "KOSPI", "서비스업", 44_650, 444_000_000L, 100),
            s("012330", "현대모비스", "Hyundai Mobis", "KOSPI", "운수장비", 231_500, 93_000_000L, 5000),
            s("028260", "삼성물산", "Samsung C&T", "KOSPI", "유통업", 141_000, 185_000_000L, 100),
            s("066570", "LG전자", "LG Electronics", "KOSPI", "전기·전자", 95_400, 163_647_814L, 5000),
            s("003550", "LG", "LG Corp", "KOSPI", "서비스업", 80_100, 157_000_000L, 5000),
            s("017670", "SK텔레콤", "SK Telecom", "KOSPI", "통신업", 51_200, 214_790_053L, 100),
            s("030200", "KT", "KT Corp", "KOSPI", "통신업", 38_150, 257_000_000L, 5000),
            s("015760", "한국전력", "KEPCO", "KOSPI", "전기가스업", 19_870, 641_964_077L, 5000),
            s("032830", "삼성생명", "Samsung Life Insurance", "KOSPI", "보험", 81_300, 200_000_000L, 500),
            s("086790", "하나금융지주", "Hana Financial Group", "KOSPI", "금융업", 56_800, 292_000_000L, 5000),
            s("316140", "우리금융지주", "Woori Financial Group", "KOSPI", "금융업", 14_390, 742_591_501L, 5000),
            s("034730", "SK", "SK Inc", "KOSPI", "서비스업", 158_900, 73_000_000L, 200),
            s("096770", "SK이노베이션", "SK Innovation", "KOSPI", "화학", 118_700, 97_000_000L, 5000),
            s("009150", "삼성전기", "Samsung Electro-Mechanics", "KOSPI", "전기·전자", 139_600, 74_693_696L, 5000),
            s("018260", "삼성에스디에스", "Samsung SDS", "KOSPI", "서비스업", 151_200, 77_377_800L, 500),
            s("011200", "HMM", "HMM", "KOSPI", "운수창고", 18_240, 489_000_000L, 5000),
            s("010130", "고려아연", "Korea Zinc", "KOSPI", "철강·금속", 512_000, 20_000_000L, 5000),
            s("033780", "KT&G", "KT&G", "KOSPI", "음식료품", 91_800, 137_292_497L, 5000),
            s("003670", "포스코퓨처엠", "POSCO Future M", "KOSPI", "비금속광물", 252_500, 77_463_220L, 500),
            s("259960", "크래프톤", "Krafton", "KOSPI", "서비스업", 248_000, 48_000_000L, 100),
            s("036570", "엔씨소프트", "NCSOFT", "KOSPI", "서비스업", 198_700, 21_954_022L, 500),
            s("323410", "카카오뱅크", "KakaoBank", "KOSPI", "금융업", 24_350, 476_000_000L, 5000),
            s("352820", "하이브", "HYBE", "KOSPI", "서비스업", 203_500, 41_650_000L, 500),
            s("090430", "아모레퍼시픽", "Amorepacific", "KOSPI", "화학", 128_900, 58_500_000L, 500),
            s("097950", "CJ제일제당", "CJ CheilJedang", "KOSPI", "음식료품", 301_000, 15_000_000L, 5000),
            s("010950", "S-Oil", "S-Oil", "KOSPI", "화학", 68_900, 112_000_000L, 2500),
            s("000810", "삼성화재", "Samsung Fire & Marine", "KOSPI", "보험", 298_500, 47_000_000L, 500),
            s("024110", "기업은행", "Industrial Bank of Korea", "KOSPI", "은행", 13_920, 797_000_000L, 5000),
            s("042660", "한화오션", "Hanwha Ocean", "KOSPI", "운수장비", 29_850, 306_000_000L, 5000),
            s("012450", "한화에어로스페이스", "Hanwha Aerospace", "KOSPI", "운수장비", 251_000, 50_600_000L, 5000),
            s("034020", "두산에너빌리티", "Doosan Enerbility", "KOSPI", "기계", 19_960, 640_000_000L, 5000),
            s("010140", "삼성중공업", "Samsung Heavy Industries", "KOSPI", "운수장비", 9_120, 880_000_000L, 1000),
            s("034220", "LG디스플레이", "LG Display", "KOSPI", "전기·전자", 10_450, 500_000_000L, 5000),
            s("003490", "대한항공", "Korean Air", "KOSPI", "운수창고", 22_150, 368_000_000L, 5000),
            s("247540", "에코프로비엠", "EcoPro BM", "KOSDAQ", "일반전기전자", 201_500, 97_800_000L, 500),
            s("086520", "에코프로", "EcoPro", "KOSDAQ", "금융", 91_200, 133_000_000L, 100),
            s("196170", "알테오젠", "Alteogen", "KOSDAQ", "제약", 252_000, 53_000_000L, 500),
            s("028300", "HLB", "HLB", "KOSDAQ", "유통", 71_300, 131_000_000L, 500),
            s("263750", "펄어비스", "Pearl Abyss", "KOSDAQ", "디지털컨텐츠", 39_850, 64_000_000L, 100),
            s("293490", "카카오게임즈", "Kakao Games", "KOSDAQ", "디지털컨텐츠", 19_480, 82_000_000L, 100),
            s("035900", "JYP Ent.", "JYP Entertainment", "KOSDAQ", "오락·문화", 68_700, 35_500_000L, 500),
            s("041510", "에스엠", "SM Entertainment", "KOSDAQ", "오락·문화", 79_400, 23_800_000L, 500),
            s("058470", "리노공업", "Leeno Industrial", "KOSDAQ", "반도체", 198_900, 15_242_370L, 500));

    private static final Universe STANDARD = new Universe(STOCKS);

    private final List<Stock> stocks;
    private final Map<String, Stock> byCode = new LinkedHashMap<>();

    private Universe(List<Stock> stocks) {
        this.stocks = List.copyOf(stocks);
        this.stocks.forEach(st -> byCode.put(st.code(), st));
    }

    /** The 57 real names only (the default market). */
    public static Universe standard() {
        return STANDARD;
    }

    /**
     * The real names followed by {@code extra} synthetic ones, the same for the same seed: six-digit codes from
     * 900000 up in seeded random order, Korean names from a seeded prefix and an industry word (e.g. 한빛반도체,
     * a number appended when a name repeats), KOSPI or KOSDAQ, a log-uniform price level of 1,000–500,000 KRW.
     */
    public static Universe withExtraCodes(long seed, int extra) {
        if (extra < 0 || extra > MAX_EXTRA_CODES) {
            throw new IllegalArgumentException("extra codes must be 0.." + MAX_EXTRA_CODES + "; got " + extra);
        }
        if (extra == 0) {
            return STANDARD;
        }
        Random r = new Random(seed ^ 0x5EED_C0DEL);
        List<Stock> all = new ArrayList<>(STOCKS);
        Map<String, Integer> names = new LinkedHashMap<>();
        java.util.Set<Integer> used = new java.util.HashSet<>();
        for (int i = 0; i < extra; i++) {
            int n;
            do {
                n = 900_000 + r.nextInt(100_000);
            } while (!used.add(n));
            int p = r.nextInt(PREFIXES.length);
            String[] suffix = SUFFIXES[r.nextInt(SUFFIXES.length)];
            String name = PREFIXES[p] + suffix[0];
            int seen = names.merge(name, 1, Integer::sum);
            String label = seen == 1 ? "" : Integer.toString(seen);
            boolean kosdaq = r.nextInt(3) == 0;
            long level = PriceRules.floorToTick(Math.round(Math.exp(Math.log(1_000) + r.nextDouble()
                    * (Math.log(500_000) - Math.log(1_000)))));
            long shares = 10_000_000L + (long) (r.nextDouble() * 490_000_000L);
            long par = new long[] {100, 500, 5000}[r.nextInt(3)];
            all.add(s(Integer.toString(n), name + label, ROMAN[p] + " " + suffix[1] + (label.isEmpty() ? "" : " " + label),
                    kosdaq ? "KOSDAQ" : "KOSPI", suffix[2], level, shares, par));
        }
        return new Universe(all);
    }

    private static Stock s(String code, String name, String eng, String market, String sector, long level,
                           long shares, long par) {
        return new Stock(code, name, eng, market, sector, level, shares, par);
    }

    /** The 57 real names. */
    public static List<Stock> all() {
        return STOCKS;
    }

    /** A real name by code. */
    public static Optional<Stock> find(String code) {
        return STANDARD.stock(code);
    }

    /** Every name of this universe, real ones first. */
    public List<Stock> stocks() {
        return stocks;
    }

    public Optional<Stock> stock(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }
}
