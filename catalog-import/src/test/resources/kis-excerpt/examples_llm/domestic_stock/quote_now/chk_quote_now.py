# [국내주식] 시세 > 가상 현재가[v1_가상-001]
COLUMN_MAPPING = {
    'stck_prpr': '현재가',
    'prdy_vrss_sign': '부호',
    'stck_bsop_date': '일자',
    'stck_prpr': '현재가',
    'prdy_ctrt': '대비율',
    'avg_val': '평균'
}

NUMERIC_COLUMNS = ['avg_val']

def main():
    r1, r2 = quote_now(env_dv="real", fid_cond_mrkt_div_code="J", fid_input_iscd="000001")
