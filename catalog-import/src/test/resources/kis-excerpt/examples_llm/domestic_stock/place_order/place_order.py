# Test fixture written for kisbridge.
##############################################################################################
# [국내주식] 주문/계좌 - 가상 주문
##############################################################################################

API_URL = "/uapi/domestic-stock/v1/trading/place-order"

def place_order(
    ord_dv: str,  # 매수매도 (buy:매수, sell:매도)
    cano: str,  # [필수] 계좌
    pdno: str,  # 종목
    memo: Optional[str] = None  # 메모
) -> pd.DataFrame:
    """
    가상 주문[v1_가상-002]
    Args:
        ord_dv (str): [필수] 매수매도 (buy:매수, sell:매도)
        cano (str): [필수] 계좌
        pdno (str): 종목
        memo (str): 메모
    """
    if pdno == "":
        raise ValueError("pdno is required")
    if ord_dv == "buy":
        tr_id = "FAKE0001U"
    elif ord_dv == "sell":
        tr_id = "FAKE0002U"
    params = {
        "CANO": cano,
        "PDNO": pdno
    }
    if memo is not None:
        params["MEMO"] = memo
    res = ka._url_fetch(API_URL, tr_id, "", params, postFlag=True)
    x = res.getBody().output
