# [국내주식] 시세 > 가상 기준가[가상-003]
API_URL = "/uapi/etfetn/v1/quotations/fund-value"

def fund_value(
    fid_input_iscd: str,  # 종목
    fid_kind: str,  # 구분
    fid_extra: str,  # 추가
):
    tr_id = "FAKE00000003"
    params = {
        "fid_input_iscd": fid_input_iscd,
        "fid_kind": fid_kind,
        "fid_extra": fid_extra
    }
    res = ka._url_fetch(API_URL, tr_id, "", params)
    a = pd.DataFrame([res.getBody().output1])
    b = pd.DataFrame(res.getBody().output2)
